package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import io.loadout.shared.XlsxWriter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The seed's "Summary by Buyer": per customer with orders in the range, what they ordered, remitted and still owe.
 * Cancelled orders are left out (nothing is owed on them; their payments, if any, stay on the order). Keyset pages
 * by customer, newest customer first, from one grouped query.
 */
@ApplicationScoped
public class BuyerSummary {

    private static final int EXPORT_FETCH_SIZE = 1_000;

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

    /** The export's columns, in the seed's order; the .xlsx and the CSV download share them. */
    public static final List<XlsxWriter.Column<BuyerRow>> COLUMNS = List.of(
            new XlsxWriter.Column<>("Customer", BuyerRow::name),
            new XlsxWriter.Column<>("Email", BuyerRow::email),
            new XlsxWriter.Column<>("Orders", BuyerRow::orders),
            new XlsxWriter.Column<>("Items", BuyerRow::items),
            new XlsxWriter.Column<>("Ordered", BuyerRow::ordered),
            new XlsxWriter.Column<>("Remitted", BuyerRow::remitted),
            new XlsxWriter.Column<>("Outstanding", BuyerRow::outstanding),
            new XlsxWriter.Column<>("Last order", BuyerRow::lastOrderAt),
            new XlsxWriter.Column<>("Customer id", BuyerRow::customerId));

    /**
     * One page: customers newest first (keyset), each with its counted orders summed beside it (a lateral join on
     * the orders' customer index), so a page costs the same at any table size.
     */
    @Transactional
    public Page<BuyerRow> page(Caller caller, Filter filter, PageRequest page) {
        var counted = counted(filter);
        var customers = new Where().equal("c.seller_id", caller.ownerFilter());
        if (page.before() != null) {
            customers.add("c.id < ?", page.before());
        }
        var params = new ArrayList<Object>(counted.params());
        params.addAll(customers.params());
        params.add(page.limit() + 1);
        var rows = sql.list("select c.id, c.seller_id, c.name, c.email, t.* from customer c"
                + " join lateral (select" + SUMS + " from sales_order o where o.customer_id = c.id and "
                + counted.conditions() + ") t on t.orders > 0" + (filter.outstandingOnly() ? " and t.outstanding > 0" : "")
                + customers.sql() + " order by c.id desc limit ?", params, BuyerSummary::row);
        return Page.fromOverfetch(rows, page, BuyerRow::customerId);
    }

    /** Every row of the same filter, streamed in the page's order (bounded memory at any count); returns the rows. */
    @Transactional
    public long export(Caller caller, Filter filter, Consumer<BuyerRow> sink) {
        var counted = counted(filter).equal("o.seller_id", caller.ownerFilter());
        String having = filter.outstandingOnly() ? " having sum(greatest(o.total - o.paid, 0)) > 0" : "";
        return sql.stream("""
                with totals as (select o.customer_id as id,""" + SUMS + " from sales_order o" + counted.sql()
                + " group by o.customer_id" + having + """
                )
                select c.id, c.seller_id, c.name, c.email, t.orders, t.items, t.ordered, t.remitted, t.outstanding,
                       t.last_order_at
                  from totals t join customer c on c.id = t.id order by c.id desc""", counted.params(),
                EXPORT_FETCH_SIZE, r -> sink.accept(row(r)));
    }

    /** A buyer's figures over the orders {@code o} counted. */
    private static final String SUMS = " count(*) as orders, sum(o.units) as items, sum(o.total) as ordered,"
            + " sum(o.paid) as remitted, sum(greatest(o.total - o.paid, 0)) as outstanding,"
            + " max(o.ordered_at) as last_order_at";

    /** The orders a summary counts: not cancelled (nothing is owed on them), ordered in the range. */
    private static Where counted(Filter filter) {
        return OrderQueries.orderedWithin(new Where().add("o.status <> 'CANCELLED'"), filter.from(), filter.to());
    }

    static BuyerRow row(Sql.Row r) throws SQLException {
        return new BuyerRow(r.getLong("id"), r.getLong("seller_id"), r.getString("name"), r.getString("email"),
                r.getLong("orders"), r.getLong("items"), r.getDecimal("ordered"), r.getDecimal("remitted"),
                r.getDecimal("outstanding"), r.getInstant("last_order_at"));
    }
}
