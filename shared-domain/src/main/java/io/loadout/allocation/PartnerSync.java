package io.loadout.allocation;

import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Applies what the AutoFBA panel says about clients, stores and balances, in set-based statements. Safe under
 * redelivery and reordering: an update older than the stored one changes nothing, an entry id is booked once, and
 * a client or store mentioned before its own update arrives is created as a placeholder the update later fills.
 */
@ApplicationScoped
public class PartnerSync {

    static final String SOURCE = "autofba";

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;

    PartnerSync(Sql sql, Directory directory, Ledger ledger, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Applied(int clientsChanged, int storesChanged, int entriesBooked, int ignored) {
        public String summary() {
            return clientsChanged + " clients and " + storesChanged + " stores updated, " + entriesBooked
                    + " balance entries booked, " + ignored + " stale or repeated items ignored";
        }
    }

    @Transactional
    public Applied apply(@NotNull @Valid AutoFbaFeed feed) {
        var now = clock.instant();
        var stores = latest(feed.stores(), AutoFbaFeed.Store::id, AutoFbaFeed.Store::updatedAt);
        var clients = latest(feed.clients(), AutoFbaFeed.Client::id, AutoFbaFeed.Client::updatedAt);
        directory.ensureStores(Stream.concat(stores.stream().map(AutoFbaFeed.Store::id),
                clients.stream().flatMap(c -> c.stores().stream())).distinct().toList(), now);
        directory.ensureClients(feed.entries().stream().map(AutoFbaFeed.Entry::client).distinct().toList(), now);
        int storesChanged = directory.updateStores(stores, now);
        int clientsChanged = directory.updateClients(clients, now);
        List<Long> bookedFor = bookEntries(feed.entries(), now);
        announceNegativeBalances(bookedFor);
        int booked = bookedFor.size();
        int items = feed.stores().size() + feed.clients().size() + feed.entries().size();
        return new Applied(clientsChanged, storesChanged, booked, items - storesChanged - clientsChanged - booked);
    }

    /** Only the newest update per id counts when one feed carries several. */
    private static <T> List<T> latest(List<T> items, Function<T, String> id, Function<T, Instant> updatedAt) {
        return List.copyOf(items.stream().collect(Collectors.toMap(i -> id.apply(i).strip(), Function.identity(),
                (a, b) -> updatedAt.apply(b).isAfter(updatedAt.apply(a)) ? b : a, LinkedHashMap::new)).values());
    }

    /** Books each entry id once; returns the client id of every entry booked now (repeats ignored). */
    private List<Long> bookEntries(List<AutoFbaFeed.Entry> entries, Instant now) {
        return ledger.bookExternal(entries.stream().sorted(Comparator.comparing(AutoFbaFeed.Entry::occurredAt))
                .map(e -> new Ledger.ExternalEntry("autofba:" + e.id().strip(), e.client().strip(), e.kind().ledgerKind(),
                        e.amount(), e.reference() == null || e.reference().isBlank()
                                ? "autofba " + e.kind().ledgerKind() : e.reference().strip(), e.occurredAt()))
                .toList(), now, new Actor(SOURCE));
    }

    /** Only a delivery that booked something can announce: a redelivered feed books nothing and says nothing. */
    private void announceNegativeBalances(List<Long> bookedFor) {
        if (bookedFor.isEmpty()) {
            return;
        }
        var counts = bookedFor.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        sql.list("""
                select c.id, c.external_id, c.name, c.email, c.account_id, b.balance
                  from alloc_client c
                  cross join lateral (select sum(amount) balance from alloc_ledger_entry where client_id = c.id) b
                 where c.id = any(?) and b.balance < 0 order by c.id""",
                List.of((Object) counts.keySet().toArray(Long[]::new)),
                r -> new BalanceNegative(Directory.clientRef(r), r.getDecimal("balance"),
                        counts.get(r.getLong("id")).intValue(), SOURCE))
                .forEach(outbox::append);
    }
}
