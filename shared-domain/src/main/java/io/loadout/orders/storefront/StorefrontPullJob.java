package io.loadout.orders.storefront;

import io.loadout.jobs.Job;
import io.loadout.orders.OrdersConfig;
import io.loadout.orders.storefront.StorefrontSync.Outcome;
import io.loadout.shared.DomainException;
import io.loadout.shared.JsonBodies;
import io.loadout.shared.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code storefront-pull}: asks the storefront for the orders updated since the last pull and applies each, as
 * the webhook would ({@link StorefrontSync}: the newest change wins, so what the webhook already brought changes
 * nothing). Missed webhooks heal themselves. The only writer of {@code storefront_watermark}: it moves to when
 * this pull started, and only when every order was applied; a pull with failures is asked for again next time.
 */
@ApplicationScoped
public class StorefrontPullJob implements Job {

    public static final String NAME = "storefront-pull";
    /** The first pull, with no watermark yet, looks back this far. */
    private static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
    /** A guard against a storefront that keeps answering "next". */
    private static final int MAX_PAGES = 1_000;

    private final OrdersConfig config;
    private final StorefrontApi api;
    private final StorefrontSync sync;
    private final JsonBodies bodies;
    private final Sql sql;
    private final Clock clock;

    StorefrontPullJob(OrdersConfig config, StorefrontApi api, StorefrontSync sync, JsonBodies bodies, Sql sql,
                      Clock clock) {
        this.config = config;
        this.api = api;
        this.sync = sync;
        this.bodies = bodies;
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobOutcome run() throws Exception {
        var storefront = config.storefront();
        var seller = sync.seller();
        if (storefront.apiUrl().isEmpty() || seller.isEmpty()) {
            return new JobOutcome(0, "no storefront API or seller configured (loadout.orders.storefront.api-url, "
                    + ".seller-email); nothing pulled");
        }
        long sellerId = seller.get();
        Instant started = clock.instant();
        Instant since = QuarkusTransaction.requiringNew().call(() -> sql.one(
                        "select updated_since from storefront_watermark where seller_id = ?", List.of(sellerId),
                        r -> r.getInstant("updated_since")))
                .map(w -> w.minus(storefront.overlap())).orElse(started.minus(FIRST_LOOK_BACK));
        URI page = URI.create(storefront.apiUrl().get().toString().replaceAll("/+$", "") + "/orders.json?status=any"
                + "&limit=" + storefront.pageSize() + "&updated_at_min="
                + URLEncoder.encode(since.truncatedTo(ChronoUnit.SECONDS).toString(), StandardCharsets.UTF_8));
        var counts = new EnumMap<Outcome, Integer>(Outcome.class);
        var failures = new java.util.ArrayList<String>();
        int pages = 0;
        while (page != null) {
            if (++pages > MAX_PAGES) {
                throw new IllegalStateException("the storefront kept answering a next page past " + MAX_PAGES + " pages");
            }
            var answer = api.orders(page, storefront.apiToken().orElse(""), storefront.timeout());
            var orders = bodies.read(answer.body()).path("orders");
            if (!orders.isArray()) {
                throw new IllegalStateException("the storefront's answer has no \"orders\" list");
            }
            for (int i = 0; i < orders.size(); i++) {
                var node = orders.get(i);
                try {
                    var order = bodies.valid(bodies.convert(node, StorefrontPayloads.Order.class, "orders[" + i + "]."),
                            "orders[" + i + "].");
                    var applied = QuarkusTransaction.requiringNew().call(() -> sync.order(sellerId, order, clock.instant()));
                    counts.merge(applied.outcome(), 1, Integer::sum);
                } catch (DomainException refused) {
                    failures.add("order " + node.path("id").asText("?") + ": " + refused.getMessage());
                }
            }
            page = answer.next().orElse(null);
        }
        if (failures.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> sql.update("""
                    insert into storefront_watermark (seller_id, updated_since, pulled_at) values (?, ?, ?)
                    on conflict (seller_id) do update set updated_since = excluded.updated_since,
                                                          pulled_at = excluded.pulled_at""",
                    List.of(sellerId, started, clock.instant())));
        }
        String summary = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()
                .replace('_', ' ')).collect(Collectors.joining(", "));
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " storefront orders refused (" + summary
                    + " applied; the watermark stays at " + since + "): " + String.join("; ", failures.subList(0,
                    Math.min(5, failures.size()))));
        }
        return new JobOutcome(counts.values().stream().mapToInt(Integer::intValue).sum(),
                "orders updated since " + since + ": " + (summary.isEmpty() ? "none" : summary) + " (" + pages
                        + (pages == 1 ? " page)" : " pages)"));
    }
}
