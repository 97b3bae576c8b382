package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.event.Outbox;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.orders.OrdersViews.OrderView;
import io.loadout.orders.OrdersViews.PaymentView;
import io.loadout.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A seller's orders: the caller sells as its own account; every change appends its event in the same transaction. */
@ApplicationScoped
public class OrderService {

    /** Orders one bulk call may change. */
    public static final int BULK_MAX = 500;

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

    /** Replaces a pending order's lines; the stock moves by the difference, in the same transaction. */
    @Transactional
    public OrderView changeLines(Caller caller, long orderId, @Valid @NotNull OrdersCommands.NewLines cmd) {
        var changed = orders.changeLines(caller.accountId(), orderId, cmd.lines(), clock.instant(), caller.actor());
        outbox.append(changed.event());
        return changed.order();
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

    /** One order's shipping in a bulk call. */
    public record OrderToShip(@NotNull Long orderId, @NotNull @Valid ShipOrder shipping) {
    }

    /** "Mark remitted" for many orders in one transaction: all of them, or none and the first refusal. */
    @Transactional
    public List<Orders.Paid> markRemittedAll(Caller caller,
                                             @NotEmpty @Size(max = BULK_MAX) List<@NotNull Long> orderIds) {
        var paid = new ArrayList<Orders.Paid>();
        for (int i = 0; i < orderIds.size(); i++) {
            try {
                paid.add(orders.remitOutstanding(caller.accountId(), orderIds.get(i), today(), clock.instant(),
                        caller.actor()));
            } catch (DomainException refused) {
                throw BulkRefusal.at(i, refused);
            }
        }
        paid.forEach(p -> outbox.append(p.event()));
        return paid;
    }

    /** Ships many orders in one transaction: all of them, or none and the first refusal. */
    @Transactional
    public List<Orders.Shipped> shipAll(Caller caller,
                                        @NotEmpty @Size(max = BULK_MAX) List<@NotNull @Valid OrderToShip> items) {
        var shipped = new ArrayList<Orders.Shipped>();
        for (int i = 0; i < items.size(); i++) {
            try {
                shipped.add(orders.ship(caller.accountId(), items.get(i).orderId(), items.get(i).shipping(),
                        clock.instant(), caller.actor()));
            } catch (DomainException refused) {
                throw BulkRefusal.at(i, refused);
            }
        }
        shipped.forEach(s -> outbox.append(s.event()));
        return shipped;
    }

    /** 404 for another seller's order unless the caller is an admin. */
    @Transactional
    public OrderView get(Caller caller, long orderId) {
        long seller = orders.sellerOf(orderId).orElseThrow(() -> new DomainException.NotFound("order", orderId));
        caller.requireVisible("order", orderId, seller);
        return orders.view(seller, orderId);
    }

    /** The order's payments; 404 as {@link #get}. */
    @Transactional
    public List<PaymentView> payments(Caller caller, long orderId) {
        long seller = orders.sellerOf(orderId).orElseThrow(() -> new DomainException.NotFound("order", orderId));
        caller.requireVisible("order", orderId, seller);
        return orders.payments(seller, orderId);
    }

    /** Remittance dates are calendar days in UTC until sellers have a time zone of their own. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
