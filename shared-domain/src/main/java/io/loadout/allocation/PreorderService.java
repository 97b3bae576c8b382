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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Preorders: created PENDING; confirming debits the deposit; cancelling refunds a debited deposit; stock that
 * arrives is offered to waiting preorders first ({@link PreorderArrivals}), and confirming a preorder whose stock
 * is already in also allocates it at once.
 */
@ApplicationScoped
public class PreorderService {

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;
    private final PreorderArrivals arrivals;
    private final Clock clock;

    PreorderService(Sql sql, Directory directory, Ledger ledger, PreorderArrivals arrivals, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
        this.arrivals = arrivals;
        this.clock = clock;
    }

    public record NewPreorder(@NotNull Long clientId, @NotNull Long storeId, @NotBlank String asin,
                              @NotNull @Positive Integer quantity,
                              @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                              @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal deposit,
                              LocalDate expectedArrival) {
    }

    /** Quantity, amount and deposit change only while PENDING; the expected arrival may change until allocated. */
    public record PreorderChanges(@Positive Integer quantity, @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                  @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal deposit,
                                  LocalDate expectedArrival) {
    }

    public record PreorderFilter(Long clientId, String asin, PreorderStatus status) {
    }

    @Transactional
    public PreorderView create(@Valid @NotNull NewPreorder command, Caller caller) {
        var client = directory.client(command.clientId(), caller);
        directory.storeOf(client, command.storeId(), "storeId");
        String asin = Asin.require("asin", command.asin());
        if (command.deposit().compareTo(command.amount()) > 0) {
            throw new DomainException.InvalidInput("deposit", "the deposit exceeds the amount " + command.amount());
        }
        var now = clock.instant();
        long id = sql.one("""
                insert into preorder (client_id, store_id, asin, quantity, amount, deposit, expected_arrival, status,
                                      created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?) returning id""",
                Arrays.asList(client.id(), command.storeId(), asin, command.quantity(), command.amount(), command.deposit(),
                        command.expectedArrival(), now, Actor.of(caller).name(), now, Actor.of(caller).name()),
                r -> r.getLong("id")).orElseThrow();
        return view(id, caller);
    }

    @Transactional
    public PreorderView change(long id, @Valid @NotNull PreorderChanges changes, Caller caller) {
        var current = view(id, caller);
        boolean terms = changes.quantity() != null || changes.amount() != null || changes.deposit() != null;
        if (terms && current.status() != PreorderStatus.PENDING) {
            throw new DomainException.Conflict("status", "quantity, amount and deposit change only while PENDING; "
                    + "preorder " + id + " is " + current.status());
        }
        if (current.status() == PreorderStatus.ALLOCATED || current.status() == PreorderStatus.CANCELLED) {
            throw new DomainException.Conflict("status", "preorder " + id + " is " + current.status());
        }
        BigDecimal amount = changes.amount() == null ? current.amount() : changes.amount();
        BigDecimal deposit = changes.deposit() == null ? current.deposit() : changes.deposit();
        if (deposit.compareTo(amount) > 0) {
            throw new DomainException.InvalidInput("deposit", "the deposit exceeds the amount " + amount);
        }
        sql.update("""
                update preorder set quantity = ?, amount = ?, deposit = ?, expected_arrival = ?, changed_at = ?,
                       changed_by = ? where id = ?""",
                Arrays.asList(changes.quantity() == null ? current.quantity() : changes.quantity(), amount, deposit,
                        changes.expectedArrival() == null ? current.expectedArrival() : changes.expectedArrival(),
                        clock.instant(), Actor.of(caller).name(), id));
        return view(id, caller);
    }

    /** PENDING → CONFIRMED: the deposit is debited (refused when the balance does not cover it). */
    @Transactional
    public PreorderView confirm(long id, Caller caller) {
        var p = view(id, caller);
        BigDecimal balance = ledger.lockBalance(p.clientId());
        p = view(id, caller);
        if (p.status() != PreorderStatus.PENDING) {
            throw new DomainException.Conflict("status", "preorder " + id + " is " + p.status() + ", not PENDING");
        }
        if (balance.compareTo(p.deposit()) < 0) {
            throw new DomainException.Conflict("deposit", "client balance " + balance + " does not cover the deposit "
                    + p.deposit());
        }
        var actor = Actor.of(caller);
        if (p.deposit().signum() > 0) {
            ledger.debit(p.clientId(), LedgerKind.GOODS_DEBIT, p.deposit(), "preorder/" + id + " deposit", actor);
        }
        setStatus(id, PreorderStatus.CONFIRMED, actor);
        arrivals.allocate(List.of(p.asin()), actor);
        return view(id, caller);
    }

    /** Any status but ALLOCATED → CANCELLED; a deposit already debited is refunded. */
    @Transactional
    public PreorderView cancel(long id, Caller caller) {
        var p = view(id, caller);
        ledger.lockBalance(p.clientId());
        p = view(id, caller);
        if (p.status() == PreorderStatus.ALLOCATED || p.status() == PreorderStatus.CANCELLED) {
            throw new DomainException.Conflict("status", "preorder " + id + " is " + p.status());
        }
        var actor = Actor.of(caller);
        if (p.status() != PreorderStatus.PENDING && p.deposit().signum() > 0) {
            ledger.credit(p.clientId(), LedgerKind.REFUND, p.deposit(), "preorder/" + id + " cancelled", actor);
        }
        setStatus(id, PreorderStatus.CANCELLED, actor);
        return view(id, caller);
    }

    /** Tries again to allocate an ARRIVED preorder (after a deposit or an ungating change). */
    @Transactional
    public PreorderView retry(long id, Caller caller) {
        var p = view(id, caller);
        if (p.status() != PreorderStatus.ARRIVED && p.status() != PreorderStatus.CONFIRMED) {
            throw new DomainException.Conflict("status", "preorder " + id + " is " + p.status());
        }
        arrivals.allocate(List.of(p.asin()), Actor.of(caller));
        return view(id, caller);
    }

    @Transactional
    public PreorderView get(long id, Caller caller) {
        return view(id, caller);
    }

    /** Newest first, by keyset; a CLIENT sees its own clients' preorders only. */
    @Transactional
    public Page<PreorderView> list(PreorderFilter filter, PageRequest page, Caller caller) {
        var where = new Where().equal("p.client_id", filter.clientId()).equal("p.status", filter.status())
                .equal("p.asin", filter.asin() == null ? null : Asin.require("asin", filter.asin()))
                .equal("c.account_id", caller.ownerFilter());
        return sql.page(SELECT, List.of(), where, "p.id", page, PreorderService::row, PreorderView::id);
    }

    private static final String SELECT = """
            select p.*, c.external_id client, c.account_id, s.external_id store from preorder p
              join alloc_client c on c.id = p.client_id join alloc_store s on s.id = p.store_id""";

    private PreorderView view(long id, Caller caller) {
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

    private void setStatus(long id, PreorderStatus status, Actor actor) {
        sql.update("update preorder set status = ?, changed_at = ?, changed_by = ? where id = ?",
                List.of(status, clock.instant(), actor.name(), id));
    }
}
