package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.event.Outbox;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.orders.OrdersViews.OrderView;
import io.loadout.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** A seller's orders: the caller sells as its own account; every change appends its event in the same transaction. */
@ApplicationScoped
public class OrderService {

    private final Orders orders;
    private final Outbox outbox;
    private final Clock clock;

    OrderService(Orders orders, Outbox outbox, Clock clock) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public OrderView place(Caller caller, @Valid @NotNull NewOrder cmd) {
        var placed = orders.place(caller.accountId(), cmd, clock.instant(), caller.actor());
        outbox.append(placed.event());
        return placed.order();
    }

    @Transactional
    public OrderView cancel(Caller caller, long orderId) {
        var cancelled = orders.cancel(caller.accountId(), orderId, clock.instant(), caller.actor());
        outbox.append(cancelled.event());
        return cancelled.order();
    }

    @Transactional
    public Orders.Paid pay(Caller caller, long orderId, @Valid @NotNull NewPayment cmd) {
        var paid = orders.pay(caller.accountId(), orderId, cmd, today(), clock.instant(), caller.actor());
        outbox.append(paid.event());
        return paid;
    }

    /** The seed's "mark remitted": records what is outstanding as paid today. */
    @Transactional
    public Orders.Paid markRemitted(Caller caller, long orderId) {
        var paid = orders.remitOutstanding(caller.accountId(), orderId, today(), clock.instant(), caller.actor());
        outbox.append(paid.event());
        return paid;
    }

    @Transactional
    public Orders.Shipped ship(Caller caller, long orderId, @Valid @NotNull ShipOrder cmd) {
        var shipped = orders.ship(caller.accountId(), orderId, cmd, clock.instant(), caller.actor());
        outbox.append(shipped.event());
        return shipped;
    }

    @Transactional
    public OrderView deliver(Caller caller, long orderId) {
        var delivered = orders.deliver(caller.accountId(), orderId, clock.instant(), caller.actor());
        outbox.append(delivered.event());
        return delivered.order();
    }

    /** 404 for another seller's order unless the caller is an admin. */
    @Transactional
    public OrderView get(Caller caller, long orderId) {
        long seller = orders.sellerOf(orderId).orElseThrow(() -> new DomainException.NotFound("order", orderId));
        caller.requireVisible("order", orderId, seller);
        return orders.view(seller, orderId);
    }

    /** Remittance dates are calendar days in UTC until sellers have a time zone of their own. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
