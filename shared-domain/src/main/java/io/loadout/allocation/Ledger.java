package io.loadout.allocation;

import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
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

    private long book(long clientId, LedgerKind kind, BigDecimal signedAmount, String reference, Actor actor) {
        var now = clock.instant();
        return sql.one("""
                insert into alloc_ledger_entry (client_id, kind, amount, reference, occurred_at, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""",
                List.of(clientId, kind, signedAmount, reference, now, now, actor.name()), r -> r.getLong("id")).orElseThrow();
    }
}
