package io.loadout.orders;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a buyer's link shows: that buyer's orders with that seller, newest first, with lines, payments and the
 * status timeline, and what they still owe. Never the seller's notes, the customer's social handles or contact
 * details, or anyone else. Three queries whatever the page holds: the totals, the page, its lines.
 */
@ApplicationScoped
public class BuyerPages {

    private final Sql sql;

    BuyerPages(Sql sql) {
        this.sql = sql;
    }

    @RegisterForReflection
    public record BuyerPage(String buyerName, String sellerName, BuyerTotals totals, Page<BuyerOrder> orders,
                            Instant linkExpiresAt) {
    }

    /** Over every order not cancelled (nothing is owed on those). */
    @RegisterForReflection
    public record BuyerTotals(long orders, BigDecimal ordered, BigDecimal paid, BigDecimal outstanding) {
    }

    @RegisterForReflection
    public record BuyerOrder(long id, String number, OrderStatus status, PaymentStatus paymentStatus,
                             List<BuyerLine> lines, BigDecimal goodsTotal, BigDecimal shippingFee, BigDecimal total,
                             BigDecimal paid, BigDecimal outstanding, Instant orderedAt, Instant shippedAt,
                             Instant deliveredAt, Instant cancelledAt, String carrier, String trackingId,
                             String trackingUrl) {
    }

    @RegisterForReflection
    public record BuyerLine(String description, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    BuyerTotals totals(long sellerId, long customerId) {
        return sql.one("""
                select count(*) as orders, coalesce(sum(total), 0) as ordered, coalesce(sum(paid), 0) as paid,
                       coalesce(sum(greatest(total - paid, 0)), 0) as outstanding
                  from sales_order where seller_id = ? and customer_id = ? and status <> 'CANCELLED'""",
                List.of(sellerId, customerId), r -> new BuyerTotals(r.getLong("orders"), r.getDecimal("ordered"),
                        r.getDecimal("paid"), r.getDecimal("outstanding"))).orElseThrow();
    }

    Page<BuyerOrder> orders(long sellerId, long customerId, PageRequest page) {
        record Head(long id, String number, OrderStatus status, PaymentStatus paymentStatus, BigDecimal goodsTotal,
                    BigDecimal shippingFee, BigDecimal total, BigDecimal paid, Instant orderedAt, Instant shippedAt,
                    Instant deliveredAt, Instant cancelledAt, String carrier, String trackingId, String trackingUrl) {
        }
        var heads = sql.page("""
                select id, number, status, payment_status, goods_total, shipping_fee, total, paid, ordered_at,
                       shipped_at, delivered_at, cancelled_at, carrier, tracking_id, tracking_url from sales_order""",
                List.of(), new Where().equal("seller_id", sellerId).equal("customer_id", customerId), "id", page,
                r -> new Head(r.getLong("id"), r.getString("number"), r.getEnum("status", OrderStatus.class),
                        r.getEnum("payment_status", PaymentStatus.class), r.getDecimal("goods_total"),
                        r.getDecimal("shipping_fee"), r.getDecimal("total"), r.getDecimal("paid"),
                        r.getInstant("ordered_at"), r.getInstant("shipped_at"), r.getInstant("delivered_at"),
                        r.getInstant("cancelled_at"), r.getString("carrier"), r.getString("tracking_id"),
                        r.getString("tracking_url")), Head::id);
        Map<Long, List<BuyerLine>> lines = heads.items().isEmpty() ? Map.of() : sql.list("""
                select order_id, description, quantity, unit_price, line_total from order_line
                 where seller_id = ? and order_id = any(?) order by order_id, line_no""",
                List.of(sellerId, heads.items().stream().map(Head::id).toArray(Long[]::new)),
                r -> Map.entry(r.getLong("order_id"), new BuyerLine(r.getString("description"),
                        r.getIntOrNull("quantity"), r.getDecimal("unit_price"), r.getDecimal("line_total"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return heads.map(h -> new BuyerOrder(h.id(), h.number(), h.status(), h.paymentStatus(),
                lines.getOrDefault(h.id(), List.of()), h.goodsTotal(), h.shippingFee(), h.total(), h.paid(),
                OrderTotals.outstanding(h.total(), h.paid()), h.orderedAt(), h.shippedAt(), h.deliveredAt(),
                h.cancelledAt(), h.carrier(), h.trackingId(), h.trackingUrl()));
    }
}
