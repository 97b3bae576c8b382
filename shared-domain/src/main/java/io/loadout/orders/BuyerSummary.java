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
import java.util.ArrayList;

/**
 * The seed's "Summary by Buyer": per customer with orders in the range, what they ordered, remitted and still owe.
 * Cancelled orders are left out (nothing is owed on them; their payments, if any, stay on the order). Keyset pages
 * by customer, newest customer first, from one grouped query.
 */
@ApplicationScoped
public class BuyerSummary {

    private final Sql sql;

    BuyerSummary(Sql sql) {
        this.sql = sql;
    }

    /** {@code from}/{@code to}: order dates (UTC), both included; {@code outstandingOnly}: buyers who still owe. */
    public record Filter(LocalDate from, LocalDate to, boolean outstandingOnly) {
    }

    @RegisterForReflection
    public record BuyerRow(long customerId, long sellerId, String name, String email, long orders, long items,
                           BigDecimal ordered, BigDecimal remitted, BigDecimal outstanding, Instant lastOrderAt) {
    }

    @Transactional
    public Page<BuyerRow> page(Caller caller, Filter filter, PageRequest page) {
        var where = OrderQueries.orderedWithin(new Where().add("o.status <> 'CANCELLED'")
                .equal("o.seller_id", caller.ownerFilter()), filter.from(), filter.to());
        if (page.before() != null) {
            where.add("o.customer_id < ?", page.before());
        }
        var params = new ArrayList<Object>(where.params());
        params.add(page.limit() + 1);
        String having = filter.outstandingOnly() ? " having sum(greatest(o.total - o.paid, 0)) > 0" : "";
        var rows = sql.list("""
                select c.id, c.seller_id, c.name, c.email, count(*) as orders, sum(u.units) as items,
                       sum(o.total) as ordered, sum(o.paid) as remitted,
                       sum(greatest(o.total - o.paid, 0)) as outstanding, max(o.ordered_at) as last_order_at
                  from sales_order o
                  join customer c on c.id = o.customer_id
                  join lateral (select sum(l.quantity) as units from order_line l where l.order_id = o.id) u on true"""
                + where.sql() + " group by c.id" + having + " order by c.id desc limit ?", params,
                r -> new BuyerRow(r.getLong("id"), r.getLong("seller_id"), r.getString("name"), r.getString("email"),
                        r.getLong("orders"), r.getLong("items"), r.getDecimal("ordered"), r.getDecimal("remitted"),
                        r.getDecimal("outstanding"), r.getInstant("last_order_at")));
        return Page.fromOverfetch(rows, page, BuyerRow::customerId);
    }
}
