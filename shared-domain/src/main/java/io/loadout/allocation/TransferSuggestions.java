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
 * The only writer of {@code transfer_suggestion}: suggestions to move a short client's units to a mutual store it
 * shares. Accepting one moves the client's
 * unpacked units and its drafts for the store to the mutual store, but only ASINs ungated YES there; the rest
 * stay and are counted in the answer. Dismissing closes it.
 */
@ApplicationScoped
public class TransferSuggestions {

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;
    private final Lots lots;
    private final Carts carts;
    private final Pallets pallets;
    private final Clock clock;

    TransferSuggestions(Sql sql, Directory directory, Ledger ledger, Lots lots, Carts carts, Pallets pallets, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
        this.lots = lots;
        this.carts = carts;
        this.pallets = pallets;
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
        var s = ledger.lockClientOf(Ledger.ClientOwned.TRANSFER_SUGGESTION, id, () -> get(id, caller)).row();
        requireOpen(s);
        int moved = lots.moveUnpacked(s.clientId(), s.from().id(), s.to().id());
        int kept = lots.countUnpacked(s.clientId(), s.from().id());
        int drafts = carts.moveDrafts(s.clientId(), s.from().id(), s.to().id());
        pallets.dropDrafts(s.clientId(), s.from().id());
        close(id, Status.ACCEPTED, caller, clock.instant());
        return new Accepted(get(id, caller), moved, kept, drafts);
    }

    @Transactional
    public SuggestionView dismiss(long id, Caller caller) {
        requireOpen(get(id, caller));
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

    /**
     * Proposes moving the client's units from the store to the mutual one: one open suggestion per client and store
     * pair, brought up to date by a later shortfall. Returns its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long propose(long clientId, long fromStoreId, long toStoreId, BalanceShortfalls.Reason reason,
                        BigDecimal shortfall) {
        return sql.one("""
                insert into transfer_suggestion (client_id, from_store_id, to_store_id, reason, shortfall, status, created_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (client_id, from_store_id, to_store_id) where status = 'OPEN'
                do update set shortfall = excluded.shortfall, reason = excluded.reason
                returning id""",
                List.of(clientId, fromStoreId, toStoreId, reason, shortfall, clock.instant()), r -> r.getLong("id"))
                .orElseThrow();
    }

    private static void requireOpen(SuggestionView s) {
        if (s.status() != Status.OPEN) {
            throw new DomainException.Conflict("status", "transfer suggestion " + s.id() + " is already " + s.status());
        }
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
