package io.loadout.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a buyer's link shows: that buyer's orders with that seller, newest first, with lines, payments and the
 * status timeline, and what they still owe. Never the seller's notes, the customer's social handles or contact
 * details, or anyone else. One query whatever the page holds: the totals, the page and its lines.
 */
@ApplicationScoped
public class BuyerPages {

    private final Sql sql;
    private final ObjectMapper json;

    BuyerPages(Sql sql, ObjectMapper json) {
        this.sql = sql;
        this.json = json;
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

    /** The buyer's totals and one page of their orders. */
    record Orders(BuyerTotals totals, Page<BuyerOrder> page) {
    }

    /**
     * One round trip: the totals, with the page's orders beside them (a lateral keyset page on the orders' customer
     * index), each with its lines as a JSON array (text fields, so every amount stays exact).
     */
    Orders orders(long sellerId, long customerId, PageRequest page) {
        var params = new ArrayList<Object>(List.of(sellerId, customerId, sellerId, customerId));
        if (page.before() != null) {
            params.add(page.before());
        }
        params.add(page.limit() + 1);
        BuyerTotals[] totals = new BuyerTotals[1];
        var rows = sql.list("""
                with totals as (
                  select count(*) as orders, coalesce(sum(total), 0) as ordered, coalesce(sum(paid), 0) as paid_sum,
                         coalesce(sum(greatest(total - paid, 0)), 0) as owed
                    from sales_order where seller_id = ? and customer_id = ? and status <> 'CANCELLED')
                select t.*, o.* from totals t left join lateral (
                  select id, number, status, payment_status, goods_total, shipping_fee, total, paid, ordered_at,
                         shipped_at, delivered_at, cancelled_at, carrier, tracking_id, tracking_url,
                         (select json_agg(json_build_array(l.description, l.quantity::text, l.unit_price::text,
                                                           l.line_total::text) order by l.line_no)
                            from order_line l where l.order_id = o.id) as lines
                    from sales_order o where seller_id = ? and customer_id = ?"""
                + (page.before() == null ? "" : " and id < ?") + " order by id desc limit ?) o on true", params, r -> {
                    totals[0] = new BuyerTotals(r.getLong("orders"), r.getDecimal("ordered"), r.getDecimal("paid_sum"),
                            r.getDecimal("owed"));
                    Long id = r.getLongOrNull("id");
                    if (id == null) {
                        return null; // no orders: the totals' row alone
                    }
                    BigDecimal total = r.getDecimal("total");
                    BigDecimal paid = r.getDecimal("paid");
                    return new BuyerOrder(id, r.getString("number"), r.getEnum("status", OrderStatus.class),
                            r.getEnum("payment_status", PaymentStatus.class), lines(r.getString("lines")),
                            r.getDecimal("goods_total"), r.getDecimal("shipping_fee"), total, paid,
                            OrderTotals.outstanding(total, paid), r.getInstant("ordered_at"), r.getInstant("shipped_at"),
                            r.getInstant("delivered_at"), r.getInstant("cancelled_at"), r.getString("carrier"),
                            r.getString("tracking_id"), r.getString("tracking_url"));
                });
        return new Orders(totals[0], Page.fromOverfetch(rows.stream().filter(Objects::nonNull).toList(), page,
                BuyerOrder::id));
    }

    /** {@code [["Mug","3","12.50","37.50"], …]} as lines. */
    private List<BuyerLine> lines(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            var lines = new ArrayList<BuyerLine>();
            for (JsonNode l : this.json.readTree(json)) {
                lines.add(new BuyerLine(l.get(0).asText(), Integer.parseInt(l.get(1).asText()),
                        new BigDecimal(l.get(2).asText()), new BigDecimal(l.get(3).asText())));
            }
            return lines;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database built unreadable JSON", e);
        }
    }
}
