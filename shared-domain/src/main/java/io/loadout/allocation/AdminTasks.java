package io.loadout.allocation;

import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@code admin_task}: work the operator does by hand (today: an invoice the ungating software
 * asks for). One open task per kind, store and ASIN, enforced by {@code admin_task_open_uq}.
 */
@ApplicationScoped
public class AdminTasks {

    static final String UPLOAD_INVOICE = "UPLOAD_INVOICE";

    private final Sql sql;

    AdminTasks(Sql sql) {
        this.sql = sql;
    }

    public record StoreAsin(long storeId, String asin) {
    }

    /** Opens the invoice task unless one is open already; the id of a task opened now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> openInvoiceTask(long storeId, String asin, String title, Instant now) {
        return sql.one("""
                insert into admin_task (kind, store_id, asin, title, status, created_at)
                values (?, ?, ?, ?, 'OPEN', ?)
                on conflict (kind, store_id, asin) where status = 'OPEN' do nothing
                returning id""", List.of(UPLOAD_INVOICE, storeId, asin, title, now), r -> r.getLong("id"));
    }

    /** Closes the open invoice tasks of these store/ASIN pairs (their status was decided). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int closeInvoiceTasks(List<StoreAsin> settled, Instant now, String doneBy) {
        if (settled.isEmpty()) {
            return 0;
        }
        return sql.update("""
                update admin_task t set status = 'DONE', done_at = ?, done_by = ?
                  from unnest(?::bigint[], ?::text[]) as s(store_id, asin)
                 where t.kind = ? and t.status = 'OPEN' and t.store_id = s.store_id and t.asin = s.asin""",
                List.of(now, doneBy, settled.stream().map(StoreAsin::storeId).toArray(Long[]::new),
                        settled.stream().map(StoreAsin::asin).toArray(String[]::new), UPLOAD_INVOICE));
    }

    /** Marks a task done by hand; done twice is a no-op. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(long id, Actor actor, Instant now) {
        sql.update("update admin_task set status = 'DONE', done_at = ?, done_by = ? where id = ? and status = 'OPEN'",
                List.of(now, actor.name(), id));
    }
}
