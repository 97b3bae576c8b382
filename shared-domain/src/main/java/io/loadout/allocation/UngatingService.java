package io.loadout.allocation;

import io.loadout.event.Outbox;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Per-store ungating. Updates arrive out of order: one older than the stored status is kept in the history as
 * ignored and changes nothing. Every update received is in the history. {@code INVOICE_NEEDED} opens one admin
 * task per store and ASIN (not one per repeat) and tells the admin.
 */
@ApplicationScoped
public class UngatingService {

    private static final int CHANGES_IN_EVENT = 50;

    private final Sql sql;
    private final Outbox outbox;
    private final AdminTasks tasks;
    private final Clock clock;

    UngatingService(Sql sql, Outbox outbox, AdminTasks tasks, Clock clock) {
        this.sql = sql;
        this.outbox = outbox;
        this.tasks = tasks;
        this.clock = clock;
    }

    public record Result(int received, int applied, int ignored, List<Long> tasksOpened) {
    }

    private record Key(String store, String asin) {
    }

    /** {@code source}: {@code ungating-software} for the webhook, {@code account:<id>} for an admin. */
    @Transactional
    public Result apply(@NotEmpty List<@Valid UngatingUpdate> received, String source) {
        return apply(received, ItemFields.in("items"), source);
    }

    /** {@code fields}: how refusals name an update's fields, as the caller received them. */
    @Transactional
    public Result apply(@NotEmpty List<@Valid UngatingUpdate> received, ItemFields fields, String source) {
        var now = clock.instant();
        var updates = new ArrayList<UngatingUpdate>();
        for (int i = 0; i < received.size(); i++) {
            var u = received.get(i);
            updates.add(new UngatingUpdate(u.store().strip(), Asin.require(fields.name(i, "asin"), u.asin()),
                    u.status(), u.updatedAt().truncatedTo(ChronoUnit.MICROS))); // what PostgreSQL stores
        }
        requireKnownStores(updates, fields);
        String[] stores = updates.stream().map(UngatingUpdate::store).toArray(String[]::new);
        String[] asins = updates.stream().map(UngatingUpdate::asin).toArray(String[]::new);
        String[] statuses = updates.stream().map(u -> u.status().name()).toArray(String[]::new);
        Instant[] times = updates.stream().map(UngatingUpdate::updatedAt).toArray(Instant[]::new);
        var applied = sql.list("""
                insert into ungating (store_id, asin, status, source_updated_at, received_at, source)
                select distinct on (s.id, i.asin) s.id, i.asin, i.status, i.at, ?, ?
                  from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) as i(store, asin, status, at)
                  join alloc_store s on s.external_id = i.store
                 order by s.id, i.asin, i.at desc
                on conflict (store_id, asin) do update
                   set status = excluded.status, source_updated_at = excluded.source_updated_at,
                       received_at = excluded.received_at, source = excluded.source
                 where ungating.source_updated_at < excluded.source_updated_at
                returning store_id, asin, status, source_updated_at,
                          (select external_id from alloc_store where id = store_id) store,
                          (select name from alloc_store where id = store_id) store_name""",
                List.of(now, source, stores, asins, statuses, times),
                r -> new Applied(r.getLong("store_id"), r.getString("store"), r.getString("store_name"),
                        r.getString("asin"), r.getEnum("status", UngatingStatus.class), r.getInstant("source_updated_at")));
        var appliedKeys = new HashSet<String>();
        applied.forEach(a -> appliedKeys.add(a.store() + "/" + a.asin() + "/" + a.status() + "/" + a.at()));
        Boolean[] wasApplied = updates.stream()
                .map(u -> appliedKeys.remove(u.store() + "/" + u.asin() + "/" + u.status() + "/" + u.updatedAt()))
                .toArray(Boolean[]::new);
        sql.update("""
                insert into ungating_history (store_id, asin, status, source_updated_at, received_at, source, applied)
                select s.id, i.asin, i.status, i.at, ?, ?, i.applied
                  from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::boolean[])
                       with ordinality as i(store, asin, status, at, applied, n)
                  join alloc_store s on s.external_id = i.store
                 order by i.n""",
                List.of(now, source, stores, asins, statuses, times, wasApplied));
        var tasks = openInvoiceTasks(applied, now);
        closeSettledTasks(applied, now, source);
        if (!applied.isEmpty()) {
            outbox.append(new UngatingChanged(source, applied.size(), updates.size() - applied.size(),
                    applied.stream().limit(CHANGES_IN_EVENT)
                            .map(a -> new UngatingChanged.Change(a.store(), a.asin(), a.status())).toList()));
        }
        return new Result(updates.size(), applied.size(), updates.size() - applied.size(), tasks);
    }

    /**
     * Stores come from the AutoFBA panel; an update for a store it never named is refused (all of the delivery, so
     * the sender can resend it once the store exists) rather than creating a store nobody set up.
     */
    private void requireKnownStores(List<UngatingUpdate> updates, ItemFields fields) {
        var known = new HashSet<>(sql.list("select external_id from alloc_store where external_id = any(?)",
                List.of((Object) updates.stream().map(UngatingUpdate::store).distinct().toArray(String[]::new)),
                r -> r.getString("external_id")));
        for (int i = 0; i < updates.size(); i++) {
            if (!known.contains(updates.get(i).store())) {
                throw new DomainException.InvalidInput(fields.name(i, "store"), "unknown store '"
                        + updates.get(i).store() + "': stores come from the AutoFBA panel; send the update again once"
                        + " the store is there");
            }
        }
    }

    private record Applied(long storeId, String store, String storeName, String asin, UngatingStatus status, Instant at) {
    }

    /** An invoice task is done once the store's status for the ASIN is decided either way. */
    private void closeSettledTasks(List<Applied> applied, Instant now, String source) {
        tasks.closeInvoiceTasks(applied.stream().filter(a -> a.status() != UngatingStatus.INVOICE_NEEDED)
                .map(a -> new AdminTasks.StoreAsin(a.storeId(), a.asin())).toList(), now, source);
    }

    private List<Long> openInvoiceTasks(List<Applied> applied, Instant now) {
        var opened = new ArrayList<Long>();
        for (var a : applied) {
            if (a.status() == UngatingStatus.INVOICE_NEEDED) {
                tasks.openInvoiceTask(a.storeId(), a.asin(), "Upload an invoice for " + a.asin() + " to store "
                        + a.storeName(), now).ifPresent(id -> {
                            opened.add(id);
                            outbox.append(new InvoiceNeeded(id, a.store(), a.storeName(), a.asin()));
                        });
            }
        }
        return opened;
    }
}
