package io.loadout.allocation;

import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The client balance ledger: append-only entries, the balance is their sum. Debits run under the client row lock
 * ({@link #lockBalance}); the database trigger {@code alloc_ledger_no_overdraft} refuses any goods or shipping debit
 * that would take the balance below zero, so even a caller that forgot the lock cannot overdraw.
 */
@ApplicationScoped
public class Ledger {

    private final Sql sql;
    private final Clock clock;

    Ledger(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A row read after its client was locked, and the client's balance under that lock. */
    public record Locked<T>(T row, BigDecimal balance) {
    }

    /** The tables whose rows belong to one client and change under that client's lock. */
    public enum ClientOwned {
        CART("cart"), PALLET("pallet"), PREORDER("preorder"), TRANSFER_SUGGESTION("transfer_suggestion");

        private final String table;

        ClientOwned(String table) {
            this.table = table;
        }
    }

    /**
     * The one lock-then-read of the allocation aggregates: finds the row's client, locks the client (every
     * money-moving change of a cart, pallet, preorder or suggestion takes this lock), then reads the row, so a change
     * that raced in before the lock is seen. {@code read} also decides visibility (a missing row is not found).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Locked<T> lockClientOf(ClientOwned owned, long id, java.util.function.Supplier<T> read) {
        var clientId = sql.one("select client_id from " + owned.table + " where id = ?", List.of(id),
                r -> r.getLong("client_id"));
        if (clientId.isEmpty()) {
            read.get(); // answers "not found" the way the owner words it
            throw new DomainException.NotFound(owned.table, id);
        }
        BigDecimal balance = lockBalance(clientId.get());
        return new Locked<>(read.get(), balance);
    }

    /** Locks the client until the transaction ends and returns the balance as of now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal lockBalance(long clientId) {
        sql.one("select id from alloc_client where id = ? for update", List.of(clientId), r -> r.getLong("id"))
                .orElseThrow(() -> new DomainException.NotFound("client", clientId));
        return balance(clientId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal balance(long clientId) {
        return sql.one("select coalesce(sum(amount), 0) balance from alloc_ledger_entry where client_id = ?",
                List.of(clientId), r -> r.getDecimal("balance")).orElseThrow();
    }

    /** Books a debit (a positive {@code amount}); the caller holds the client lock and has checked the balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long debit(long clientId, LedgerKind kind, BigDecimal amount, String reference, Actor actor) {
        if (kind.credit() || amount.signum() <= 0) {
            throw new IllegalArgumentException("a debit is a positive amount of a debit kind");
        }
        return book(clientId, kind, amount.negate(), reference, actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long credit(long clientId, LedgerKind kind, BigDecimal amount, String reference, Actor actor) {
        if (!kind.credit() || amount.signum() <= 0) {
            throw new IllegalArgumentException("a credit is a positive amount of a credit kind");
        }
        return book(clientId, kind, amount, reference, actor);
    }

    /** An entry a partner booked: {@code externalId} makes booking it again a no-op; amount as a positive figure. */
    public record ExternalEntry(String externalId, String clientExternalId, LedgerKind kind, BigDecimal amount,
                                String reference, Instant occurredAt) {
    }

    /**
     * Books partner entries in one statement, each external id once, in the order given; returns the client id of
     * every entry booked now (repeats and unknown clients book nothing). Partner entries may overdraw: the trigger
     * lets their kinds through, and the caller announces a balance below zero.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> bookExternal(List<ExternalEntry> entries, Instant now, Actor actor) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                insert into alloc_ledger_entry (client_id, kind, amount, reference, external_id, occurred_at,
                                                created_at, created_by)
                select c.id, i.kind, case when i.credit then i.amount else -i.amount end, i.reference, i.id, i.at, ?, ?
                  from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::numeric[], ?::text[], ?::timestamptz[])
                       with ordinality as i(id, client, kind, credit, amount, reference, at, n)
                  join alloc_client c on c.external_id = i.client
                 order by i.n
                on conflict (external_id) do nothing
                returning client_id""",
                List.of(now, actor.name(), entries.stream().map(ExternalEntry::externalId).toArray(String[]::new),
                        entries.stream().map(ExternalEntry::clientExternalId).toArray(String[]::new),
                        entries.stream().map(e -> e.kind().name()).toArray(String[]::new),
                        entries.stream().map(e -> e.kind().credit()).toArray(Boolean[]::new),
                        entries.stream().map(ExternalEntry::amount).toArray(BigDecimal[]::new),
                        entries.stream().map(ExternalEntry::reference).toArray(String[]::new),
                        entries.stream().map(ExternalEntry::occurredAt).toArray(Instant[]::new)),
                r -> r.getLong("client_id"));
    }

    private long book(long clientId, LedgerKind kind, BigDecimal signedAmount, String reference, Actor actor) {
        var now = clock.instant();
        return sql.one("""
                insert into alloc_ledger_entry (client_id, kind, amount, reference, occurred_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""",
                List.of(clientId, kind, signedAmount, reference, now, now, actor.name()), r -> r.getLong("id")).orElseThrow();
    }
}
