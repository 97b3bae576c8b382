package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The only writer of {@code preorder}. A change of status takes the preorder as read under its client's lock
 * ({@link #lock}) or, for arrivals, under the row lock of {@link #lockWaiting}, and checks the status first.
 */
@ApplicationScoped
public class Preorders {

    private final Sql sql;
    private final Ledger ledger;
    private final Clock clock;

    Preorders(Sql sql, Ledger ledger, Clock clock) {
        this.sql = sql;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long create(long clientId, long storeId, String asin, int quantity, BigDecimal amount, BigDecimal deposit,
                       LocalDate expectedArrival, Actor actor) {
        var now = clock.instant();
        return sql.one("""
                insert into preorder (client_id, store_id, asin, quantity, amount, deposit, expected_arrival, status,
                                      created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id""",
                Arrays.asList(clientId, storeId, asin, quantity, amount, deposit, expectedArrival, now, actor.name(), now,
                        actor.name()), r -> r.getLong("id")).orElseThrow();
    }

    /** Quantity, amount and deposit change only while PENDING; the expected arrival until allocated or cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(PreorderView current, Integer quantity, BigDecimal amount, BigDecimal deposit,
                       LocalDate expectedArrival, Actor actor) {
        boolean terms = quantity != null || amount != null || deposit != null;
        if (terms && current.status() != PreorderStatus.PENDING) {
            throw new DomainException.Conflict("status", "quantity, amount and deposit change only while PENDING; "
                    + "preorder " + current.id() + " is " + current.status());
        }
        requireOpen(current);
        BigDecimal newAmount = amount == null ? current.amount() : amount;
        BigDecimal newDeposit = deposit == null ? current.deposit() : deposit;
        if (newDeposit.compareTo(newAmount) > 0) {
            throw new DomainException.InvalidInput("deposit", "the deposit exceeds the amount " + newAmount);
        }
        sql.update("""
                update preorder set quantity = ?, amount = ?, deposit = ?, expected_arrival = ?, changed_at = ?,
                       changed_by = ? where id = ?""",
                Arrays.asList(quantity == null ? current.quantity() : quantity, newAmount, newDeposit,
                        expectedArrival == null ? current.expectedArrival() : expectedArrival, clock.instant(),
                        actor.name(), current.id()));
    }

    /** The preorder read under its client's lock, with the balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ledger.Locked<PreorderView> lock(long id, Caller caller) {
        return ledger.lockClientOf(Ledger.ClientOwned.PREORDER, id, () -> view(id, caller));
    }

    /** PENDING → CONFIRMED (the caller debits the deposit). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(PreorderView p, Actor actor) {
        if (p.status() != PreorderStatus.PENDING) {
            throw new DomainException.Conflict("status", "preorder " + p.id() + " is " + p.status() + ", not PENDING");
        }
        setStatus(p.id(), PreorderStatus.CONFIRMED, actor);
    }

    /** Any status but ALLOCATED or CANCELLED → CANCELLED; returns the status it had (a debited deposit goes back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PreorderStatus cancel(PreorderView p, Actor actor) {
        requireOpen(p);
        setStatus(p.id(), PreorderStatus.CANCELLED, actor);
        return p.status();
    }

    /** A preorder waiting for stock (CONFIRMED or ARRIVED), and whether its store is ungated YES for its ASIN. */
    record Waiting(long id, long clientId, long storeId, String asin, int quantity, BigDecimal amount,
                   BigDecimal balanceDue, PreorderStatus status, boolean ungated) {
    }

    /** The ASINs waiting preorders are for. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> waitingAsins() {
        return sql.list("select distinct asin from preorder where status in ('CONFIRMED', 'ARRIVED') order by asin",
                List.of(), r -> r.getString("asin"));
    }

    /** The preorders waiting for these ASINs, in preorder order, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Waiting> lockWaiting(List<String> asins) {
        return sql.list("""
                select p.id, p.client_id, p.store_id, p.asin, p.quantity, p.amount, p.balance_due, p.status,
                       coalesce(u.status = 'YES', false) ungated
                  from preorder p left join ungating u on u.store_id = p.store_id and u.asin = p.asin
                 where p.asin = any(?) and p.status in ('CONFIRMED', 'ARRIVED')
                 order by p.id for update of p""",
                List.of((Object) asins.toArray(String[]::new)),
                r -> new Waiting(r.getLong("id"), r.getLong("client_id"), r.getLong("store_id"), r.getString("asin"),
                        (int) r.getLong("quantity"), r.getDecimal("amount"), r.getDecimal("balance_due"),
                        r.getEnum("status", PreorderStatus.class), r.getBoolean("ungated")));
    }

    /** Stock came and was reserved for it, its balance due debited: CONFIRMED or ARRIVED → ALLOCATED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PreorderArrived allocated(long id, ClientRef client, StoreRef store, String asin, int quantity,
                                     BigDecimal debited, Actor actor) {
        setStatus(id, PreorderStatus.ALLOCATED, actor);
        return new PreorderArrived(id, client, store, asin, quantity, true, debited, null);
    }

    /** Stock came but cannot be allocated yet ({@code reason}): CONFIRMED → ARRIVED (ARRIVED stays). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PreorderArrived waiting(long id, PreorderStatus status, ClientRef client, StoreRef store, String asin,
                                   int quantity, String reason, Actor actor) {
        if (status != PreorderStatus.ARRIVED) {
            setStatus(id, PreorderStatus.ARRIVED, actor);
        }
        return new PreorderArrived(id, client, store, asin, quantity, false, BigDecimal.ZERO, reason);
    }

    private static void requireOpen(PreorderView p) {
        if (p.status() == PreorderStatus.ALLOCATED || p.status() == PreorderStatus.CANCELLED) {
            throw new DomainException.Conflict("status", "preorder " + p.id() + " is " + p.status());
        }
    }

    private void setStatus(long id, PreorderStatus status, Actor actor) {
        sql.update("update preorder set status = ?, changed_at = ?, changed_by = ? where id = ?",
                List.of(status, clock.instant(), actor.name(), id));
    }

    /** Newest first, by keyset; a CLIENT sees its own clients' preorders only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Page<PreorderView> list(Long clientId, String asin, PreorderStatus status, PageRequest page, Caller caller) {
        var where = new Where().equal("p.client_id", clientId).equal("p.status", status)
                .equal("p.asin", asin == null ? null : Asin.require("asin", asin))
                .equal("c.account_id", caller.ownerFilter());
        return sql.page(SELECT, List.of(), where, "p.id", page, Preorders::row, PreorderView::id);
    }

    private static final String SELECT = """
            select p.*, c.external_id client, c.account_id, s.external_id store from preorder p
              join alloc_client c on c.id = p.client_id join alloc_store s on s.id = p.store_id""";

    @Transactional(Transactional.TxType.MANDATORY)
    public PreorderView view(long id, Caller caller) {
        var found = sql.one(SELECT + " where p.id = ?", List.of(id), r -> new Object[] {row(r), r.getLongOrNull("account_id")})
                .orElseThrow(() -> new DomainException.NotFound("preorder", id));
        caller.requireVisible("preorder", id, (Long) found[1]);
        return (PreorderView) found[0];
    }

    private static PreorderView row(Sql.Row r) throws java.sql.SQLException {
        return new PreorderView(r.getLong("id"), r.getLong("client_id"), r.getString("client"), r.getLong("store_id"),
                r.getString("store"), r.getString("asin"), (int) r.getLong("quantity"), r.getDecimal("amount"),
                r.getDecimal("deposit"), r.getDecimal("balance_due"), r.getObject("expected_arrival", LocalDate.class),
                r.getEnum("status", PreorderStatus.class), r.getInstant("created_at"), r.getInstant("changed_at"));
    }
}
