package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Suggestions to move a short client's units to a mutual store it shares. Accepting one moves the client's
 * unpacked units and its drafts for the store to the mutual store, but only ASINs ungated YES there; the rest
 * stay and are counted in the answer. Dismissing closes it.
 */
@ApplicationScoped
public class TransferSuggestions {

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;
    private final Clock clock;

    TransferSuggestions(Sql sql, Directory directory, Ledger ledger, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
        this.clock = clock;
    }

    public enum Status { OPEN, ACCEPTED, DISMISSED }

    @RegisterForReflection
    public record SuggestionView(long id, long clientId, StoreRef from, StoreRef to, String reason, BigDecimal shortfall,
                                 Status status, Instant createdAt, Instant decidedAt, String decidedBy) {
    }

    @RegisterForReflection
    public record Accepted(SuggestionView suggestion, int allocationsMoved, int allocationsKept, int draftsMoved) {
    }

    @Transactional
    public List<SuggestionView> open(Caller caller) {
        var where = new Where().equal("t.status", Status.OPEN).equal("c.account_id", caller.ownerFilter());
        return sql.list(SELECT + where.sql() + " order by t.id", where.params(), this::row);
    }

    @Transactional
    public Accepted accept(long id, Caller caller) {
        var s = decide(id, caller);
        ledger.lockBalance(s.clientId());
        var now = clock.instant();
        int moved = sql.update("""
                update allocation a set store_id = ? from inventory_lot l
                 where l.id = a.lot_id and a.client_id = ? and a.store_id = ? and a.released_at is null and a.qty_packed = 0
                   and exists (select 1 from ungating u where u.store_id = ? and u.asin = l.asin and u.status = 'YES')""",
                List.of(s.to().id(), s.clientId(), s.from().id(), s.to().id()));
        int kept = sql.one("""
                select count(*) n from allocation where client_id = ? and store_id = ? and released_at is null
                   and qty_packed = 0""", List.of(s.clientId(), s.from().id()), r -> (int) r.getLong("n")).orElseThrow();
        int drafts = sql.update("update cart set store_id = ? where client_id = ? and store_id = ? and status = 'DRAFT'",
                List.of(s.to().id(), s.clientId(), s.from().id()));
        sql.update("delete from pallet where client_id = ? and store_id = ? and status = 'DRAFT'",
                List.of(s.clientId(), s.from().id()));
        close(id, Status.ACCEPTED, caller, now);
        return new Accepted(get(id, caller), moved, kept, drafts);
    }

    @Transactional
    public SuggestionView dismiss(long id, Caller caller) {
        decide(id, caller);
        close(id, Status.DISMISSED, caller, clock.instant());
        return get(id, caller);
    }

    @Transactional
    public SuggestionView get(long id, Caller caller) {
        var s = sql.one(SELECT + " where t.id = ?", List.of(id), this::row)
                .orElseThrow(() -> new DomainException.NotFound("transfer suggestion", id));
        directory.client(s.clientId(), caller);
        return s;
    }

    private SuggestionView decide(long id, Caller caller) {
        var s = get(id, caller);
        if (s.status() != Status.OPEN) {
            throw new DomainException.Conflict("status", "transfer suggestion " + id + " is already " + s.status());
        }
        return s;
    }

    private void close(long id, Status status, Caller caller, Instant now) {
        sql.update("update transfer_suggestion set status = ?, decided_at = ?, decided_by = ? where id = ?",
                List.of(status, now, Actor.of(caller).name(), id));
    }

    private static final String SELECT = """
            select t.*, f.external_id f_ext, f.name f_name, f.mutual f_mutual, m.external_id m_ext, m.name m_name,
                   m.mutual m_mutual
              from transfer_suggestion t join alloc_client c on c.id = t.client_id
              join alloc_store f on f.id = t.from_store_id join alloc_store m on m.id = t.to_store_id""";

    private SuggestionView row(Sql.Row r) throws java.sql.SQLException {
        return new SuggestionView(r.getLong("id"), r.getLong("client_id"),
                new StoreRef(r.getLong("from_store_id"), r.getString("f_ext"), r.getString("f_name"), r.getBoolean("f_mutual")),
                new StoreRef(r.getLong("to_store_id"), r.getString("m_ext"), r.getString("m_name"), r.getBoolean("m_mutual")),
                r.getString("reason"), r.getDecimal("shortfall"), r.getEnum("status", Status.class),
                r.getInstant("created_at"), r.getInstant("decided_at"), r.getString("decided_by"));
    }
}
