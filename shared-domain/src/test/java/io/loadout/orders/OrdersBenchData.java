package io.loadout.orders;

import io.loadout.shared.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.List;

/**
 * The orders bench's data, set-based in PostgreSQL: {@code customers} customers of one seller and {@code orders}
 * orders, the first {@code heavy} of them the first customer's (the buyer page's subject), the rest spread over the
 * others. Mixed on purpose: one or two lines, quantities 1–3, prices 1–20, a quarter unpaid, a quarter paid, half
 * partly paid, one in ten cancelled, order dates over a year. Every row keeps the tables' checks.
 */
final class OrdersBenchData {

    private OrdersBenchData() {
    }

    /** Returns the heavy customer's id. */
    static long generate(Sql sql, long seller, int customers, int orders, int heavy, Instant now) {
        return QuarkusTransaction.requiringNew().timeout(1800).call(() -> {
            sql.update("""
                    insert into customer (seller_id, name, email, social, created_at, created_by, updated_at, updated_by)
                    select ?, 'Buyer ' || g, 'buyer' || g || '@bench.test', '{}'::jsonb, ?, 'bench', ?, 'bench'
                      from generate_series(1, ?) g""", List.of(seller, now, now, customers));
            long first = sql.one("select min(id) as id from customer where seller_id = ?", List.of(seller),
                    r -> r.getLong("id")).orElseThrow();
            // line 1: quantity 1 + g % 3 at 1 + g % 20; line 2 (even g): 1 at 5.00; shipping g % 5
            sql.update("""
                    insert into sales_order (id, seller_id, customer_id, number, status, goods_total, shipping_fee, total,
                                             paid, payment_status, ordered_at, cancelled_at, created_at, created_by,
                                             updated_at, updated_by, units)
                    select 100000000 + g, ?, c, 'B-' || g, s, goods, ship, goods + ship, paid,
                           case when paid >= goods + ship then 'REMITTED' when paid = 0 then 'UNPAID'
                                else 'PARTIALLY_PAID' end,
                           at, case when s = 'CANCELLED' then at end, at, 'bench', at, 'bench', units
                      from (select g,
                                   case when g <= ? then ? else ? + 1 + (g % (? - 1)) end as c,
                                   case when g % 10 = 9 then 'CANCELLED' else 'PENDING' end as s,
                                   (1 + g % 3) * (1 + g % 20) + case when g % 2 = 0 then 5 else 0 end as goods,
                                   (g % 5)::numeric as ship,
                                   (1 + g % 3) + case when g % 2 = 0 then 1 else 0 end as units,
                                   ?::timestamptz - make_interval(days => g % 365, secs => g % 86400) as at
                              from generate_series(1, ?) g) o,
                           lateral (select case g % 4 when 0 then 0 when 1 then goods + ship
                                                else floor((goods + ship) / 2) end as paid) p""",
                    List.of(seller, heavy, first, first, customers, now, orders));
            sql.update("""
                    insert into order_line (order_id, line_no, seller_id, description, quantity, unit_price, line_total)
                    select 100000000 + g, 1, ?, 'Item ' || (g % 20), 1 + g % 3, 1 + g % 20, (1 + g % 3) * (1 + g % 20)
                      from generate_series(1, ?) g
                    union all
                    select 100000000 + g, 2, ?, 'Gift wrap', 1, 5, 5 from generate_series(2, ?, 2) g""",
                    List.of(seller, orders, seller, orders));
            sql.update("analyze customer", List.of());
            sql.update("analyze sales_order", List.of());
            sql.update("analyze order_line", List.of());
            return first;
        });
    }
}
