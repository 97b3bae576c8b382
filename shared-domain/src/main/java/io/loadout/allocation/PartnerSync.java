package io.loadout.allocation;

import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    /** Placeholders carry this source time, so any real update is newer. */
    static final Instant PLACEHOLDER_TIME = Instant.EPOCH;
    static final String SOURCE = "autofba";

    private final Sql sql;
    private final Ledger ledger;
    private final Outbox outbox;
    private final Clock clock;

    PartnerSync(Sql sql, Ledger ledger, Outbox outbox, Clock clock) {
        this.sql = sql;
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
        ensureStores(Stream.concat(stores.stream().map(AutoFbaFeed.Store::id),
                clients.stream().flatMap(c -> c.stores().stream())).distinct().toList(), now);
        ensureClients(feed.entries().stream().map(AutoFbaFeed.Entry::client).distinct().toList(), now);
        int storesChanged = upsertStores(stores, now);
        int clientsChanged = upsertClients(clients, now);
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

    void ensureStores(List<String> externalIds, Instant now) {
        ensure("alloc_store", externalIds, now);
    }

    void ensureClients(List<String> externalIds, Instant now) {
        ensure("alloc_client", externalIds, now);
    }

    /** Placeholder rows (named by their id) for ids not seen before; a later update fills them. */
    private void ensure(String table, List<String> externalIds, Instant now) {
        if (!externalIds.isEmpty()) {
            sql.update("insert into " + table + " (external_id, name, source_updated_at, created_at, changed_at)"
                    + " select btrim(x), btrim(x), ?, ?, ? from unnest(?::text[]) x on conflict (external_id) do nothing",
                    List.of(PLACEHOLDER_TIME, now, now, externalIds.stream().map(String::strip).toArray(String[]::new)));
        }
    }

    private int upsertStores(List<AutoFbaFeed.Store> stores, Instant now) {
        if (stores.isEmpty()) {
            return 0;
        }
        return sql.update("""
                update alloc_store s set name = btrim(i.name), mutual = i.mutual, source_updated_at = i.at, changed_at = ?
                  from unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[]) as i(id, name, mutual, at)
                 where s.external_id = btrim(i.id) and (s.source_updated_at is null or s.source_updated_at < i.at)""",
                List.of(now, stores.stream().map(AutoFbaFeed.Store::id).toArray(String[]::new),
                        stores.stream().map(AutoFbaFeed.Store::name).toArray(String[]::new),
                        stores.stream().map(AutoFbaFeed.Store::mutual).toArray(Boolean[]::new),
                        stores.stream().map(AutoFbaFeed.Store::updatedAt).toArray(Instant[]::new)));
    }

    /** Updates newer clients and replaces their store memberships with the ones the update lists. */
    private int upsertClients(List<AutoFbaFeed.Client> clients, Instant now) {
        if (clients.isEmpty()) {
            return 0;
        }
        ensureClients(clients.stream().map(AutoFbaFeed.Client::id).toList(), now);
        List<Long> changed = sql.list("""
                update alloc_client c set name = btrim(i.name), email = nullif(btrim(i.email), ''),
                       source_updated_at = i.at, changed_at = ?
                  from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) as i(id, name, email, at)
                 where c.external_id = btrim(i.id) and c.source_updated_at < i.at
                returning c.id""",
                List.of(now, clients.stream().map(AutoFbaFeed.Client::id).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::name).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::email).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::updatedAt).toArray(Instant[]::new)),
                r -> r.getLong("id"));
        if (changed.isEmpty()) {
            return 0;
        }
        var clientIds = new ArrayList<String>();
        var storeIds = new ArrayList<String>();
        clients.forEach(c -> c.stores().forEach(s -> {
            clientIds.add(c.id().strip());
            storeIds.add(s.strip());
        }));
        Long[] changedIds = changed.toArray(Long[]::new);
        sql.update("delete from alloc_client_store where client_id = any(?)", List.of((Object) changedIds));
        sql.update("""
                insert into alloc_client_store (client_id, store_id)
                select distinct c.id, s.id from unnest(?::text[], ?::text[]) as m(client, store)
                  join alloc_client c on c.external_id = m.client join alloc_store s on s.external_id = m.store
                 where c.id = any(?)
                on conflict do nothing""",
                List.of(clientIds.toArray(String[]::new), storeIds.toArray(String[]::new), changedIds));
        return changed.size();
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
