package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The seller's order table (the seed's detailed order table): keyset pages, and counts per status for the same filter. */
@ApplicationScoped
public class OrderQueries {

    private static final String FROM = " from sales_order o join customer c on c.id = o.customer_id";

    private final Sql sql;

    OrderQueries(Sql sql) {
        this.sql = sql;
    }

    /** A row of the table: the order without its lines. */
    @RegisterForReflection
    public record OrderRow(long id, long sellerId, String number, long customerId, String customerName,
                           String customerEmail, OrderStatus status, PaymentStatus paymentStatus, BigDecimal total,
                           BigDecimal paid, BigDecimal outstanding, Instant orderedAt, String trackingId) {
    }

    @RegisterForReflection
    public record StatusCounts(long orders, Map<OrderStatus, Long> byStatus, Map<PaymentStatus, Long> byPaymentStatus) {
    }

    @Transactional
    public Page<OrderRow> list(Caller caller, OrderFilter filter, PageRequest page) {
        return sql.page("""
                select o.id, o.seller_id, o.number, o.customer_id, c.name as customer_name, c.email as customer_email,
                       o.status, o.payment_status, o.total, o.paid, o.ordered_at, o.tracking_id""" + FROM, List.of(),
                where(caller, filter), "o.id", page, r -> new OrderRow(r.getLong("id"), r.getLong("seller_id"),
                        r.getString("number"), r.getLong("customer_id"), r.getString("customer_name"),
                        r.getString("customer_email"), r.getEnum("status", OrderStatus.class),
                        r.getEnum("payment_status", PaymentStatus.class), r.getDecimal("total"), r.getDecimal("paid"),
                        OrderTotals.outstanding(r.getDecimal("total"), r.getDecimal("paid")),
                        r.getInstant("ordered_at"), r.getString("tracking_id")), OrderRow::id);
    }

    /** One grouped count (not a window over the page): the figures a status tab shows for the same filter. */
    @Transactional
    public StatusCounts counts(Caller caller, OrderFilter filter) {
        var where = where(caller, filter);
        var byStatus = new EnumMap<OrderStatus, Long>(OrderStatus.class);
        var byPayment = new EnumMap<PaymentStatus, Long>(PaymentStatus.class);
        for (var s : OrderStatus.values()) {
            byStatus.put(s, 0L);
        }
        for (var s : PaymentStatus.values()) {
            byPayment.put(s, 0L);
        }
        long[] total = {0};
        sql.list("select o.status, o.payment_status, count(*) as n" + FROM + where.sql() + " group by 1, 2",
                where.params(), r -> {
                    long n = r.getLong("n");
                    byStatus.merge(r.getEnum("status", OrderStatus.class), n, Long::sum);
                    byPayment.merge(r.getEnum("payment_status", PaymentStatus.class), n, Long::sum);
                    total[0] += n;
                    return n;
                });
        return new StatusCounts(total[0], byStatus, byPayment);
    }

    private static Where where(Caller caller, OrderFilter filter) {
        var where = new Where().equal("o.seller_id", caller.ownerFilter()).equal("o.customer_id", filter.customerId())
                .equal("o.status", filter.status() == null ? null : filter.status().name())
                .equal("o.payment_status", filter.paymentStatus() == null ? null : filter.paymentStatus().name())
                .containsInAny(filter.text(), "o.number", "c.name", "c.email", "o.tracking_id");
        return orderedWithin(where, filter.from(), filter.to());
    }

    /** Orders {@code o} placed on the days {@code from} to {@code to} (UTC, both included; either open). */
    static Where orderedWithin(Where where, LocalDate from, LocalDate to) {
        if (from != null) {
            where.add("o.ordered_at >= ?", from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (to != null) {
            where.add("o.ordered_at < ?", to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return where;
    }
}
