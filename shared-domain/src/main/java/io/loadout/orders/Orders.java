package io.loadout.orders;

import static io.loadout.shared.Text.strippedOrNull;

import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.orders.OrdersViews.LineView;
import io.loadout.orders.OrdersViews.OrderView;
import io.loadout.orders.OrdersViews.PaymentView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.shipping.ShipmentView;
import io.loadout.shipping.Shipments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only writer of an order and its parts ({@code sales_order}, {@code order_line}, {@code payment}): one
 * aggregate. Placing takes the item units in the same transaction ({@link Items#take}), shipping records the
 * shipment ({@link Shipments}); a state change locks the order row, checks its current state and returns the event
 * for the caller to append.
 */
@ApplicationScoped
public class Orders {

    private final Sql sql;
    private final Items items;
    private final Customers customers;
    private final Shipments shipments;
    private final LinePricing pricing;

    Orders(Sql sql, Items items, Customers customers, Shipments shipments) {
        this.sql = sql;
        this.items = items;
        this.customers = customers;
        this.shipments = shipments;
        this.pricing = new LinePricing(items);
    }

    public record Placed(OrderView order, OrderPlaced event) {
    }

    public record Cancelled(OrderView order, OrderCancelled event) {
    }

    public record Paid(OrderView order, PaymentView payment, PaymentRecorded event) {
    }

    public record Shipped(OrderView order, ShipmentView shipment, OrderShipped event) {
    }

    public record Delivered(OrderView order, OrderDelivered event) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Placed place(long sellerId, NewOrder cmd, Instant now, Actor actor) {
        customers.find(sellerId, cmd.customerId()).orElseThrow(() -> DomainException.NotFound.referencedBy("customerId",
                "customer", cmd.customerId()));
        String given = strippedOrNull(cmd.number());
        if (given != null) {
            requireNumberFree(sellerId, given);
        }
        var priced = pricing.price(sellerId, cmd.lines(), now, actor);
        var totals = OrderTotals.of(priced.stream().map(p -> new OrderTotals.Line(p.quantity(), p.unitPrice())).toList(),
                cmd.shippingFee());
        long id = sql.one("select nextval(pg_get_serial_sequence('sales_order', 'id')) as id", List.of(),
                r -> r.getLong("id")).orElseThrow();
        String number = given != null ? given : "L-" + id;
        try {
            sql.update("""
                    insert into sales_order (id, seller_id, customer_id, number, status, goods_total, shipping_fee,
                                             total, paid, payment_status, notes, ordered_at, created_at, created_by,
                                             updated_at, updated_by, units)
                    values (?, ?, ?, ?, 'PENDING', ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    Arrays.asList(id, sellerId, cmd.customerId(), number, totals.goods(), totals.shippingFee(),
                            totals.total(), PaymentStatus.of(totals.total(), BigDecimal.ZERO).name(),
                            strippedOrNull(cmd.notes()), now, now, actor.name(), now, actor.name(),
                            priced.stream().mapToInt(LinePricing.Priced::quantity).sum()));
        } catch (RuntimeException e) {
            if (Sql.violatedConstraint(e).filter("sales_order_seller_number_uq"::equals).isPresent()) {
                throw numberTaken(sellerId, number); // a racing order took it
            }
            throw e;
        }
        insertLines(sellerId, id, priced);
        var order = view(sellerId, id);
        return new Placed(order, new OrderPlaced(id, sellerId, cmd.customerId(), number, order.total()));
    }

    public record Changed(OrderView order, OrderChanged event) {
    }

    /**
     * A pending order's lines replaced: each item's stock moves by the difference only (in item-id order, like
     * placing), the totals are computed again, and payments already made may not exceed the new total (409).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Changed changeLines(long sellerId, long orderId, List<NewLine> lines, Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is " + order.status()
                    + "; only a pending order's lines can change");
        }
        var delta = new java.util.TreeMap<Long, Integer>();
        var firstLine = new java.util.HashMap<Long, Integer>();
        order.lines().stream().filter(l -> l.itemId() != null).forEach(l -> delta.merge(l.itemId(), -l.quantity(), Integer::sum));
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.itemId() != null) {
                delta.merge(line.itemId(), line.quantity(), Integer::sum);
                firstLine.putIfAbsent(line.itemId(), i);
            }
        }
        delta.forEach((item, units) -> {
            if (units > 0) {
                items.take(sellerId, item, units, "lines[" + firstLine.get(item) + "]", now, actor);
            } else if (units < 0) {
                items.giveBack(sellerId, item, -units, now, actor);
            }
        });
        var priced = pricing.price(sellerId, lines, false, now, actor);
        var totals = OrderTotals.of(priced.stream().map(p -> new OrderTotals.Line(p.quantity(), p.unitPrice())).toList(),
                order.shippingFee());
        if (order.paid().compareTo(totals.total()) > 0) {
            throw new DomainException.Conflict("lines", "order " + order.number() + " has " + order.paid()
                    + " paid, more than the new total " + totals.total());
        }
        sql.update("delete from order_line where order_id = ? and seller_id = ?", List.of(orderId, sellerId));
        insertLines(sellerId, orderId, priced);
        sql.update("""
                update sales_order set goods_total = ?, total = ?, units = ?, payment_status = ?, updated_at = ?,
                                       updated_by = ?
                 where id = ? and status = 'PENDING'""",
                List.of(totals.goods(), totals.total(), priced.stream().mapToInt(LinePricing.Priced::quantity).sum(),
                        PaymentStatus.of(totals.total(), order.paid()).name(), now, actor.name(), orderId));
        var changed = view(sellerId, orderId);
        return new Changed(changed, new OrderChanged(orderId, sellerId, order.number(), order.total(), changed.total()));
    }

    private void insertLines(long sellerId, long orderId, List<LinePricing.Priced> priced) {
        sql.update("""
                insert into order_line (order_id, line_no, seller_id, item_id, description, quantity, unit_price,
                                        line_total)
                select ?, l.no, ?, l.item, l.description, l.quantity, l.price, l.quantity * l.price
                  from unnest(?::integer[], ?::bigint[], ?::text[], ?::integer[], ?::numeric[])
                       as l(no, item, description, quantity, price)""",
                List.of(orderId, sellerId, priced.stream().map(LinePricing.Priced::lineNo).toArray(Integer[]::new),
                        priced.stream().map(LinePricing.Priced::itemId).toArray(Long[]::new),
                        priced.stream().map(LinePricing.Priced::description).toArray(String[]::new),
                        priced.stream().map(LinePricing.Priced::quantity).toArray(Integer[]::new),
                        priced.stream().map(LinePricing.Priced::unitPrice).toArray(BigDecimal[]::new)));
    }

    /** PENDING → CANCELLED; the item units go back to stock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cancelled cancel(long sellerId, long orderId, Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is " + order.status()
                    + "; only a pending order can be cancelled");
        }
        int returned = 0;
        var byItem = order.lines().stream().filter(l -> l.itemId() != null)
                .sorted(Comparator.comparing(LineView::itemId)).toList();
        for (var line : byItem) {
            items.giveBack(sellerId, line.itemId(), line.quantity(), now, actor);
            returned += line.quantity();
        }
        sql.update("""
                update sales_order set status = 'CANCELLED', cancelled_at = ?, updated_at = ?, updated_by = ?
                 where id = ? and status = 'PENDING'""", List.of(now, now, actor.name(), orderId));
        return new Cancelled(view(sellerId, orderId), new OrderCancelled(orderId, sellerId, order.number(), returned));
    }

    /**
     * PENDING → SHIPPED, shipped now: the carrier's tracking goes on the order and its shipment is created (the
     * parcel as declared, its units and invoice total from the order) in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Shipped ship(long sellerId, long orderId, ShipOrder cmd, Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is " + order.status()
                    + "; only a pending order can be shipped");
        }
        String carrier = cmd.carrier().strip();
        String trackingId = cmd.trackingId().strip();
        String trackingUrl = strippedOrNull(cmd.trackingUrl());
        var shipment = shipments.record(new Shipments.Dispatch(sellerId, carrier, trackingId, orderId, order.number(),
                order.lines().stream().mapToInt(LineView::quantity).sum(), order.total(), now), cmd.parcel(), now, actor);
        sql.update("""
                update sales_order set status = 'SHIPPED', shipped_at = ?, carrier = ?, tracking_id = ?, tracking_url = ?,
                                       updated_at = ?, updated_by = ?
                 where id = ? and status = 'PENDING'""",
                Arrays.asList(now, carrier, trackingId, trackingUrl, now, actor.name(), orderId));
        return new Shipped(view(sellerId, orderId), shipment, new OrderShipped(orderId, sellerId, order.customerId(),
                order.number(), carrier, trackingId, trackingUrl, shipment.id(), now, buyerOf(order)));
    }

    /**
     * PENDING → SHIPPED by another system (the storefront fulfilled it): the carrier's tracking, but no declared
     * parcel, so no shipment is recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Shipped shipElsewhere(long sellerId, long orderId, String carrier, String trackingId, String trackingUrl,
                                 Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.status() != OrderStatus.PENDING) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is " + order.status()
                    + "; only a pending order can be shipped");
        }
        sql.update("""
                update sales_order set status = 'SHIPPED', shipped_at = ?, carrier = ?, tracking_id = ?, tracking_url = ?,
                                       updated_at = ?, updated_by = ?
                 where id = ? and status = 'PENDING'""",
                Arrays.asList(now, carrier, trackingId, trackingUrl, now, actor.name(), orderId));
        return new Shipped(view(sellerId, orderId), null, new OrderShipped(orderId, sellerId, order.customerId(),
                order.number(), carrier, trackingId, trackingUrl, null, now, buyerOf(order)));
    }

    /** The order another system knows by {@code externalId}, and when it last changed there. */
    public Optional<Map.Entry<Long, Instant>> findExternal(long sellerId, String externalId) {
        return sql.one("select id, external_updated_at from sales_order where seller_id = ? and external_id = ?",
                List.of(sellerId, externalId), r -> Map.entry(r.getLong("id"), r.getInstant("external_updated_at")));
    }

    /**
     * Notes that the order is {@code externalId} elsewhere, changed there at {@code updatedAt}; false, and nothing
     * written, when a change dated the same or later was applied already (the newest wins, whatever the order of
     * arrival).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean advanceExternal(long sellerId, long orderId, String externalId, Instant updatedAt) {
        return sql.update("""
                update sales_order set external_id = ?, external_updated_at = ?
                 where id = ? and seller_id = ? and (external_updated_at is null or external_updated_at < ?)""",
                List.of(externalId, updatedAt, orderId, sellerId, updatedAt)) == 1;
    }

    /** SHIPPED → DELIVERED, now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delivered deliver(long sellerId, long orderId, Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.status() != OrderStatus.SHIPPED) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is " + order.status()
                    + "; only a shipped order can be delivered");
        }
        sql.update("""
                update sales_order set status = 'DELIVERED', delivered_at = ?, updated_at = ?, updated_by = ?
                 where id = ? and status = 'SHIPPED'""", List.of(now, now, actor.name(), orderId));
        return new Delivered(view(sellerId, orderId), new OrderDelivered(orderId, sellerId, order.number(), now));
    }

    /**
     * Records a remittance. Refused on a cancelled order, and beyond what is outstanding unless flagged as credit
     * (the 409 names {@code amount} and says how much is owed).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Paid pay(long sellerId, long orderId, NewPayment cmd, LocalDate today, Instant now, Actor actor) {
        return pay(lock(sellerId, orderId), cmd, today, now, actor);
    }

    /** The seed's "mark remitted": the outstanding amount, paid today. Refused when nothing is outstanding. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Paid remitOutstanding(long sellerId, long orderId, LocalDate today, Instant now, Actor actor) {
        var order = lock(sellerId, orderId);
        if (order.outstanding().signum() == 0) {
            throw new DomainException.Conflict("paymentStatus", "order " + order.number() + " has nothing outstanding");
        }
        return pay(order, new OrdersCommands.NewPayment(order.outstanding(), today, null, "marked remitted", false),
                today, now, actor);
    }

    /** A payment on the order as read under its lock. */
    private Paid pay(OrderView order, NewPayment cmd, LocalDate today, Instant now, Actor actor) {
        long sellerId = order.sellerId();
        long orderId = order.id();
        if (order.status() == OrderStatus.CANCELLED) {
            throw new DomainException.Conflict("status", "order " + order.number() + " is cancelled");
        }
        boolean credit = Boolean.TRUE.equals(cmd.credit());
        if (cmd.amount().compareTo(order.outstanding()) > 0 && !credit) {
            throw new DomainException.Conflict("amount", "order " + order.number() + " has " + order.outstanding()
                    + " outstanding; a larger payment needs \"credit\": true");
        }
        var payment = sql.one("""
                insert into payment (order_id, amount, paid_on, method, reference, credit, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                Arrays.asList(orderId, cmd.amount(), cmd.paidOn() != null ? cmd.paidOn() : today,
                        strippedOrNull(cmd.method()), strippedOrNull(cmd.reference()), credit, now,
                        actor.name()), Orders::payment).orElseThrow();
        BigDecimal paid = order.paid().add(cmd.amount());
        var status = PaymentStatus.of(order.total(), paid);
        var outstanding = OrderTotals.outstanding(order.total(), paid);
        sql.update("update sales_order set paid = ?, payment_status = ?, updated_at = ?, updated_by = ? where id = ?",
                List.of(paid, status.name(), now, actor.name(), orderId));
        return new Paid(view(sellerId, orderId), payment,
                new PaymentRecorded(orderId, sellerId, order.number(), payment.id(), cmd.amount(), paid, outstanding,
                        status, buyerOf(order)));
    }

    /** The order's buyer as its mails address them. */
    private BuyerContact buyerOf(OrderView order) {
        return customers.contactOf(customers.find(order.sellerId(), order.customerId()).orElseThrow());
    }

    /** Whose order this is, if it exists. */
    public Optional<Long> sellerOf(long orderId) {
        return sql.one("select seller_id from sales_order where id = ?", List.of(orderId), r -> r.getLong("seller_id"));
    }

    /** The seller's order, or 404 (also for another seller's id). */
    public OrderView view(long sellerId, long orderId) {
        return read(sellerId, orderId, "");
    }

    /** The order's payments, oldest first (an order has few). */
    public List<PaymentView> payments(long sellerId, long orderId) {
        view(sellerId, orderId);
        return sql.list("select * from payment where order_id = ? order by id", List.of(orderId), Orders::payment);
    }

    private OrderView lock(long sellerId, long orderId) {
        return read(sellerId, orderId, " for update");
    }

    private OrderView read(long sellerId, long orderId, String lock) {
        var lines = sql.list("select * from order_line where order_id = ? and seller_id = ? order by line_no",
                List.of(orderId, sellerId), r -> new LineView(r.getIntOrNull("line_no"), r.getLongOrNull("item_id"),
                        r.getString("description"), r.getIntOrNull("quantity"), r.getDecimal("unit_price"),
                        r.getDecimal("line_total")));
        return sql.one("select * from sales_order where id = ? and seller_id = ?" + lock, List.of(orderId, sellerId),
                r -> new OrderView(r.getLong("id"), r.getLong("seller_id"), r.getLong("customer_id"),
                        r.getString("number"), r.getEnum("status", OrderStatus.class), lines,
                        r.getDecimal("goods_total"), r.getDecimal("shipping_fee"), r.getDecimal("total"),
                        r.getDecimal("paid"), OrderTotals.outstanding(r.getDecimal("total"), r.getDecimal("paid")),
                        r.getEnum("payment_status", PaymentStatus.class), r.getString("notes"),
                        r.getInstant("ordered_at"), r.getInstant("cancelled_at"), r.getInstant("shipped_at"),
                        r.getInstant("delivered_at"), r.getString("carrier"), r.getString("tracking_id"),
                        r.getString("tracking_url")))
                .orElseThrow(() -> new DomainException.NotFound("order", orderId));
    }

    private void requireNumberFree(long sellerId, String number) {
        if (sql.one("select 1 from sales_order where seller_id = ? and number = ?", List.of(sellerId, number),
                r -> 1).isPresent()) {
            throw numberTaken(sellerId, number);
        }
    }

    private static DomainException numberTaken(long sellerId, String number) {
        return new DomainException.Conflict("number", "seller " + sellerId + " already has an order " + number);
    }

    static PaymentView payment(Sql.Row r) throws SQLException {
        return new PaymentView(r.getLong("id"), r.getLong("order_id"), r.getDecimal("amount"),
                r.getObject("paid_on", LocalDate.class), r.getString("method"), r.getString("reference"),
                r.getBoolean("credit"), r.getInstant("created_at"));
    }
}
