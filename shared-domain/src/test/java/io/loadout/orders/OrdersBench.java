package io.loadout.orders;

import static io.loadout.bench.BenchRuns.RUNS;
import static io.loadout.bench.BenchRuns.millis;
import static io.loadout.bench.BenchRuns.runs;
import static io.loadout.bench.BenchStats.ms;
import static io.loadout.bench.BenchStats.ratio;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.bench.BenchMemory;
import io.loadout.orders.BuyerSummary.BuyerRow;
import io.loadout.orders.storefront.StorefrontDeliveries;
import io.loadout.orders.storefront.StorefrontDeliveries.Delivery;
import io.loadout.orders.storefront.StorefrontWebhook;
import io.loadout.shared.CsvWriter;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./loadout bench orders}: 1M orders of 100k customers ({@link OrdersBenchData}), each figure next to the
 * raw SQL of the same result measured in the same run (the median of 5 runs after one warm-up, and the worst).
 * What is timed is production code: {@link BuyerSummary} (page and export), {@link BuyerService#page} (the buyer's
 * link opened, their page read), {@link StorefrontWebhook#receive} (verification, dedupe and apply). Every timed
 * answer is compared with its baseline's, and a difference fails the bench.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "loadout.bench", matches = "orders|all")
class OrdersBench {

    static final int CUSTOMERS = 100_000;
    static final int ORDERS = 1_000_000;
    static final int HEAVY_ORDERS = 1_000;
    static final int DELIVERIES = 2_000;

    @Inject
    Sql sql;
    @Inject
    AccountService accounts;
    @Inject
    BuyerSummary summary;
    @Inject
    BuyerLinks links;
    @Inject
    BuyerService buyers;
    @Inject
    StorefrontWebhook webhook;
    @Inject
    RecordingEventPublisher transport;

    @Test
    void orders() throws Exception {
        var seller = new Caller(accounts.create(new NewAccount("Bench seller", "bench-" + UUID.randomUUID() + "@orders.test",
                Role.CLIENT)).id(), Role.CLIENT);
        long started = System.nanoTime();
        long heavy = OrdersBenchData.generate(sql, seller.accountId(), CUSTOMERS, ORDERS, HEAVY_ORDERS,
                TestClock.CLOCK.instant());
        line("data", "%,d customers, %,d orders, %,d lines generated in %.1f s".formatted(count("customer"),
                count("sales_order"), count("order_line"), (System.nanoTime() - started) / 1e9));
        summaryPage(seller);
        summaryExport(seller);
        buyerPage(seller, heavy);
        for (int senders : List.of(2, 4)) {
            webhookThroughput(senders);
        }
    }

    /** The hand-written SQL of a summary page: each customer, newest first, with its orders summed beside it. */
    static final String RAW_PAGE = """
            select c.id, c.seller_id, c.name, c.email, t.orders, t.items, t.ordered, t.remitted, t.outstanding,
                   t.last_order_at
              from customer c
              join lateral (select count(*) as orders, sum(o.units) as items, sum(o.total) as ordered,
                                   sum(o.paid) as remitted, sum(greatest(o.total - o.paid, 0)) as outstanding,
                                   max(o.ordered_at) as last_order_at
                              from sales_order o where o.customer_id = c.id and o.status <> 'CANCELLED') t
                on t.orders > 0 %s
             where c.seller_id = ? %s order by c.id desc limit 51""";

    void summaryPage(Caller seller) {
        for (boolean owing : List.of(false, true)) {
            var filter = new BuyerSummary.Filter(null, null, owing);
            for (Long cursor : java.util.Arrays.asList(null, middleCustomer(seller))) {
                var params = new ArrayList<Object>(List.of(seller.accountId()));
                String text = RAW_PAGE.formatted(owing ? "and t.outstanding > 0" : "", cursor == null ? "" : "and c.id < ?");
                if (cursor != null) {
                    params.add(cursor);
                }
                List<List<BuyerRow>> raw = new ArrayList<>();
                List<List<BuyerRow>> ours = new ArrayList<>();
                double[] base = runs(() -> millis(() -> raw.add(sql.list(text, params, BuyerSummary::row))));
                double[] page = runs(() -> millis(() -> ours.add(summary.page(seller, filter,
                        new PageRequest(cursor, 50)).items())));
                same("summary page", ours.get(0), raw.get(0).subList(0, Math.min(50, raw.get(0).size())));
                line("summary by buyer, %s page of 50%s".formatted(cursor == null ? "first" : "a middle",
                                owing ? ", owing only" : ""),
                        "%s = %s× the raw SQL (%s)  [goal ≤ 2×]".formatted(ms(page), ratio(page, base), ms(base)));
            }
        }
    }

    /** The export against the raw SQL of every row; then the same rows written as the CSV download writes them. */
    void summaryExport(Caller seller) {
        var filter = new BuyerSummary.Filter(null, null, false);
        String raw = """
                select c.id, c.seller_id, c.name, c.email, t.orders, t.items, t.ordered, t.remitted, t.outstanding,
                       t.last_order_at
                  from (select o.customer_id, count(*) as orders, sum(o.units) as items, sum(o.total) as ordered,
                               sum(o.paid) as remitted, sum(greatest(o.total - o.paid, 0)) as outstanding,
                               max(o.ordered_at) as last_order_at
                          from sales_order o where o.seller_id = ? and o.status <> 'CANCELLED' group by o.customer_id) t
                  join customer c on c.id = t.customer_id order by c.id desc""";
        long[] rawRows = new long[1];
        long[] ourRows = new long[1];
        BigDecimal[] rawOwed = {BigDecimal.ZERO};
        BigDecimal[] ourOwed = {BigDecimal.ZERO};
        double[] base = runs(() -> millis(() -> {
            rawOwed[0] = BigDecimal.ZERO;
            rawRows[0] = sql.stream(raw, List.of(seller.accountId()), 1_000, r -> rawOwed[0] = rawOwed[0]
                    .add(BuyerSummary.row(r).outstanding()));
        }));
        double[] export = runs(() -> millis(() -> {
            ourOwed[0] = BigDecimal.ZERO;
            ourRows[0] = summary.export(seller, filter, row -> ourOwed[0] = ourOwed[0].add(row.outstanding()));
        }));
        if (rawRows[0] != ourRows[0] || rawOwed[0].compareTo(ourOwed[0]) != 0) {
            throw new IllegalStateException("the export gave " + ourRows[0] + " rows owing " + ourOwed[0]
                    + ", the raw SQL " + rawRows[0] + " owing " + rawOwed[0]);
        }
        line("summary export, all %,d buyers (rows only)".formatted(ourRows[0]),
                "%s = %s× the raw SQL (%s)  [goal ≤ 2×]".formatted(ms(export), ratio(export, base), ms(base)));
        long[] bytes = new long[1];
        double[] csv = runs(() -> millis(() -> {
            bytes[0] = 0;
            try (var writer = new CsvWriter<>(BenchMemory.counting(bytes), BuyerSummary.COLUMNS)) {
                summary.export(seller, filter, writer::write);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        line("summary export as CSV", "%s = %s× the raw SQL, %,d KB".formatted(ms(csv), ratio(csv, base),
                bytes[0] / 1024));
    }

    /** The heavy buyer's link, opened: their first page of 50 orders with lines, and their totals. */
    void buyerPage(Caller seller, long heavy) {
        String secret = QuarkusTransaction.requiringNew().call(() -> links.issue(seller.accountId(), heavy,
                LinkReason.SELLER, TestClock.CLOCK.instant(), seller.actor()).secret().value());
        String rawOrders = """
                select o.id, o.number, o.status, o.total, o.paid,
                       (select json_agg(json_build_object('description', l.description, 'quantity', l.quantity,
                               'unitPrice', l.unit_price, 'lineTotal', l.line_total) order by l.line_no)
                          from order_line l where l.order_id = o.id) as lines
                  from sales_order o where o.seller_id = ? and o.customer_id = ? order by o.id desc limit 51""";
        String rawTotals = """
                select c.name, a.name as seller, t.* from customer c join account a on a.id = c.seller_id,
                       lateral (select count(*) as orders, coalesce(sum(total), 0) as ordered, coalesce(sum(paid), 0) as paid
                                  from sales_order where seller_id = c.seller_id and customer_id = c.id
                                   and status <> 'CANCELLED') t
                 where c.seller_id = ? and c.id = ?""";
        long[] rawCount = new long[1];
        var ours = new ArrayList<BuyerPages.BuyerPage>();
        double[] base = runs(() -> millis(() -> {
            rawCount[0] = sql.one(rawTotals, List.of(seller.accountId(), heavy), r -> r.getLong("orders")).orElseThrow();
            sql.list(rawOrders, List.of(seller.accountId(), heavy), r -> r.getString("lines"));
        }));
        double[] page = runs(() -> millis(() -> ours.add(buyers.page(secret, PageRequest.first(50)))));
        var first = ours.get(0);
        if (first.totals().orders() != rawCount[0] || first.orders().items().size() != 50) {
            throw new IllegalStateException("the buyer page shows " + first.totals().orders() + " orders and a page of "
                    + first.orders().items().size() + "; the raw SQL counts " + rawCount[0]);
        }
        line("buyer page, %,d orders, first page of 50".formatted(first.totals().orders()),
                "%s = %s× the raw SQL (%s)  [goal ≤ 2×]".formatted(ms(page), ratio(page, base), ms(base)));
    }

    /**
     * Signed order-create deliveries, each new, from several senders at once into the webhook's entry point
     * (what the HTTP resource calls; the HTTP layer itself is not in this figure).
     */
    void webhookThroughput(int senders) throws Exception {
        String storefront = "storefront-seller@loadout.test"; // the storefront seller of the test profile
        if (accounts.idByEmail(storefront).isEmpty()) {
            accounts.create(new NewAccount("Operator's storefront", storefront, Role.ADMIN));
        }
        transport.published.clear();
        var bodies = new ArrayList<String>();
        long base = System.currentTimeMillis() * 10 + senders * 100_000L;
        for (int i = 0; i < DELIVERIES; i++) {
            bodies.add("""
                    {"id":%d,"name":"#W%d","updated_at":"2026-11-20T10:00:00Z","financial_status":"paid",
                     "customer":{"id":%d,"email":"w%d@bench.test","first_name":"Web","last_name":"Hook%d",
                                 "updated_at":"2026-11-20T10:00:00Z"},
                     "line_items":[{"title":"Lamp","sku":"L-1","quantity":1,"price":"80.00"}],
                     "shipping_lines":[{"price":"6.50"}]}""".formatted(base + i, base + i, base + i % 500, i % 500, i % 500));
        }
        for (int warm = 0; warm < 50; warm++) {
            deliver(bodies.get(warm));
        }
        var next = new AtomicLong(50);
        var pool = Executors.newFixedThreadPool(senders);
        long t = System.nanoTime();
        var futures = new ArrayList<Future<?>>();
        for (int s = 0; s < senders; s++) {
            futures.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < DELIVERIES; i = next.getAndIncrement()) {
                    deliver(bodies.get((int) i));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        pool.shutdown();
        transport.published.clear();
        int timed = DELIVERIES - 50;
        line("storefront webhook, %,d new orders, %d senders".formatted(timed, senders),
                String.format(Locale.ROOT, "%.0f deliveries/s (%.1f ms each)  [goal ≥ 200/s]", timed / seconds,
                        seconds * 1000 / timed * senders));
    }

    private void deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var received = webhook.receive(new Delivery(StorefrontDeliveries.signatureOf("test-storefront-secret", bytes),
                "orders/create", UUID.randomUUID().toString(), TestClock.CLOCK.instant().toString()), bytes);
        if (received.duplicate() || received.applied() == null) {
            throw new IllegalStateException("a new delivery was not applied: " + received);
        }
    }

    private long middleCustomer(Caller seller) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select id from customer where seller_id = ? order by id offset ? limit 1""",
                List.of(seller.accountId(), CUSTOMERS / 2), r -> r.getLong("id")).orElseThrow());
    }

    private static void same(String what, List<BuyerRow> ours, List<BuyerRow> raw) {
        if (!ours.equals(raw)) {
            throw new IllegalStateException(what + " differs from the raw SQL's: " + ours.size() + " rows vs "
                    + raw.size() + (ours.isEmpty() || raw.isEmpty() ? "" : "; first " + ours.get(0) + " vs " + raw.get(0)));
        }
    }

    long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("select count(*) from " + table, List.of(),
                r -> r.getLong("count")).orElseThrow());
    }

    static void line(String what, String result) {
        System.out.printf(Locale.ROOT, "bench: %-52s %s%n", what, result);
    }
}
