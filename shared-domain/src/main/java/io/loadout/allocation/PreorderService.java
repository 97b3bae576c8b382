package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Preorders: created PENDING; confirming debits the deposit; cancelling refunds a debited deposit; stock that
 * arrives is offered to waiting preorders first ({@link PreorderArrivals}), and confirming a preorder whose stock
 * is already in also allocates it at once.
 */
@ApplicationScoped
public class PreorderService {

    private final Preorders preorders;
    private final Directory directory;
    private final Ledger ledger;
    private final PreorderArrivals arrivals;

    PreorderService(Preorders preorders, Directory directory, Ledger ledger, PreorderArrivals arrivals) {
        this.preorders = preorders;
        this.directory = directory;
        this.ledger = ledger;
        this.arrivals = arrivals;
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
        long id = preorders.create(client.id(), command.storeId(), asin, command.quantity(), command.amount(),
                command.deposit(), command.expectedArrival(), Actor.of(caller));
        return preorders.view(id, caller);
    }

    @Transactional
    public PreorderView change(long id, @Valid @NotNull PreorderChanges changes, Caller caller) {
        preorders.change(preorders.view(id, caller), changes.quantity(), changes.amount(), changes.deposit(),
                changes.expectedArrival(), Actor.of(caller));
        return preorders.view(id, caller);
    }

    /** PENDING → CONFIRMED: the deposit is debited (refused when the balance does not cover it). */
    @Transactional
    public PreorderView confirm(long id, Caller caller) {
        var locked = preorders.lock(id, caller);
        var p = locked.row();
        var actor = Actor.of(caller);
        preorders.confirm(p, actor);
        if (locked.balance().compareTo(p.deposit()) < 0) {
            throw new DomainException.Conflict("deposit", "client balance " + locked.balance()
                    + " does not cover the deposit " + p.deposit());
        }
        if (p.deposit().signum() > 0) {
            ledger.debit(p.clientId(), LedgerKind.GOODS_DEBIT, p.deposit(), "preorder/" + id + " deposit", actor);
        }
        arrivals.allocate(List.of(p.asin()), actor);
        return preorders.view(id, caller);
    }

    /** Any status but ALLOCATED → CANCELLED; a deposit already debited is refunded. */
    @Transactional
    public PreorderView cancel(long id, Caller caller) {
        var p = preorders.lock(id, caller).row();
        var actor = Actor.of(caller);
        if (preorders.cancel(p, actor) != PreorderStatus.PENDING && p.deposit().signum() > 0) {
            ledger.credit(p.clientId(), LedgerKind.REFUND, p.deposit(), "preorder/" + id + " cancelled", actor);
        }
        return preorders.view(id, caller);
    }

    /** Tries again to allocate an ARRIVED preorder (after a deposit or an ungating change). */
    @Transactional
    public PreorderView retry(long id, Caller caller) {
        var p = preorders.view(id, caller);
        if (p.status() != PreorderStatus.ARRIVED && p.status() != PreorderStatus.CONFIRMED) {
            throw new DomainException.Conflict("status", "preorder " + id + " is " + p.status());
        }
        arrivals.allocate(List.of(p.asin()), Actor.of(caller));
        return preorders.view(id, caller);
    }

    @Transactional
    public PreorderView get(long id, Caller caller) {
        return preorders.view(id, caller);
    }

    /** Newest first, by keyset; a CLIENT sees its own clients' preorders only. */
    @Transactional
    public Page<PreorderView> list(PreorderFilter filter, PageRequest page, Caller caller) {
        return preorders.list(filter.clientId(), filter.asin(), filter.status(), page, caller);
    }
}
