package io.loadout.orders.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.orders.OrderService;
import io.loadout.orders.OrderShipped;
import io.loadout.orders.OrderStatus;
import io.loadout.orders.PaymentStatus;
import io.loadout.orders.storefront.StorefrontDeliveries.Delivery;
import io.loadout.orders.storefront.StorefrontSync.Outcome;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.ScriptedStorefrontApi;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storefront's webhook and pull: signed, once, newest wins, refused deliveries leave nothing. */
@QuarkusTest
class StorefrontSyncTest {

    static final String SECRET = "test-storefront-secret";
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

    @Inject
    AccountService accounts;
    @Inject
    StorefrontWebhook webhook;
    @Inject
    StorefrontPullJob pull;
    @Inject
    ScriptedStorefrontApi api;
    @Inject
    OrderService orders;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    Sql sql;

    Caller seller;

    @BeforeEach
    void theStorefrontSellsAsItsAccount() {
        String email = "storefront-seller@loadout.test";
        long id = accounts.idByEmail(email)
                .orElseGet(() -> accounts.create(new NewAccount("Operator's storefront", email, Role.ADMIN)).id());
        seller = new Caller(id, Role.ADMIN);
    }

    static String order(long id, String updatedAt, String financial, String extra) {
        return """
                {"id":%d,"name":"#%d","email":"buyer-%d@shop.test","updated_at":"%s","financial_status":"%s",
                 "total_price":"47.00","total_outstanding":"%s","total_tax":"2.00",
                 "customer":{"id":%d,"email":"buyer-%d@shop.test","first_name":"Ana","last_name":"Lima","phone":"+44 7700 900999",
                             "updated_at":"%s"},
                 "line_items":[{"title":"Mug","sku":"MUG-1","quantity":2,"price":"15.00"},
                               {"title":"Card","sku":null,"quantity":1,"price":"5.00"}],
                 "shipping_lines":[{"price":"10.00"}]%s}"""
                .formatted(id, id, id, updatedAt, financial, financial.equals("partially_paid") ? "27.00" : "0.00",
                        id + 1_000_000, id, updatedAt, extra);
    }

    StorefrontWebhook.Received deliver(String topic, String body) {
        return deliver(topic, body, UUID.randomUUID().toString(), TestClock.CLOCK.instant().toString(),
                StorefrontDeliveries.signatureOf(SECRET, bytes(body)));
    }

    StorefrontWebhook.Received deliver(String topic, String body, String webhookId, String triggeredAt, String signature) {
        return webhook.receive(new Delivery(signature, topic, webhookId, triggeredAt), bytes(body));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    long ordersWithExternalId(long externalId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select count(*) as n from sales_order where seller_id = ? and external_id = ?",
                List.of(seller.accountId(), String.valueOf(externalId)), r -> r.getLong("n")).orElseThrow());
    }

    @Test
    void anOrderArrivesWithItsBuyerTaxShippingAndPaymentAndTheTotalIsOurs() {
        long id = IDS.incrementAndGet();
        var received = deliver("orders/create", order(id, "2026-11-20T10:00:00-05:00", "partially_paid", ""));

        assertThat(received.applied().outcome()).isEqualTo(Outcome.CREATED);
        var order = orders.get(seller, received.applied().id());
        // 2 × 15.00 + 5.00 + tax 2.00 + shipping 10.00, worked by hand; paid 47.00 − 27.00 outstanding there
        assertThat(order.total()).hasToString("47.00");
        assertThat(order.lines()).extracting(l -> l.description() + " " + l.lineTotal())
                .containsExactly("Mug · MUG-1 30.00", "Card 5.00", "Tax 2.00");
        assertThat(order.number()).isEqualTo("#" + id);
        assertThat(order.paid()).hasToString("20.00");
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
    }

    @Test
    void outOfOrderUpdatesKeepTheNewestAndAnUpdateBeforeItsCreateCreatesIt() {
        long id = IDS.incrementAndGet();
        String tracking = ",\"fulfillments\":[{\"tracking_company\":\"UPS\",\"tracking_number\":\"1Z" + id
                + "\",\"tracking_url\":\"https://ups.test/1Z" + id + "\"}]";
        var newest = deliver("orders/updated", order(id, "2026-11-20T12:00:00Z", "paid", tracking));
        assertThat(newest.applied().outcome()).isEqualTo(Outcome.CREATED);
        var late = deliver("orders/create", order(id, "2026-11-20T10:00:00Z", "pending", ""));
        assertThat(late.applied().outcome()).isEqualTo(Outcome.OLDER_IGNORED);
        var sameAgain = deliver("orders/updated", order(id, "2026-11-20T12:00:00Z", "pending", ""));
        assertThat(sameAgain.applied().outcome()).as("a change dated the same as the one applied").isEqualTo(Outcome.OLDER_IGNORED);

        var order = orders.get(seller, newest.applied().id());
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REMITTED);
        assertThat(order.trackingId()).isEqualTo("1Z" + id);
        assertThat(ordersWithExternalId(id)).isEqualTo(1);
        assertThat(transport.ofType(OrderShipped.TYPE)).anySatisfy(e -> assertThat(e.payload().path("trackingId").asText())
                .isEqualTo("1Z" + id));

        var cancelledLater = deliver("orders/cancelled", order(id, "2026-11-21T09:00:00Z", "paid",
                ",\"cancelled_at\":\"2026-11-21T09:00:00Z\""));
        assertThat(cancelledLater.applied().notes()).anySatisfy(n -> assertThat(n).contains("left as it is"));
        assertThat(orders.get(seller, newest.applied().id()).status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void forgedReplayedStaleAndMalformedDeliveriesAre401Or400AndLeaveNothing() {
        long id = IDS.incrementAndGet();
        String body = order(id, "2026-11-20T10:00:00Z", "pending", "");
        String now = TestClock.CLOCK.instant().toString();
        String good = StorefrontDeliveries.signatureOf(SECRET, bytes(body));

        assertRefused(() -> deliver("orders/create", body, "f-1", now, StorefrontDeliveries.signatureOf("wrong", bytes(body))),
                StorefrontDeliveries.SIGNATURE);
        assertRefused(() -> deliver("orders/create", body, "f-2", now, "not base64!"), StorefrontDeliveries.SIGNATURE);
        assertRefused(() -> deliver("orders/create", body, "f-3", now, null), StorefrontDeliveries.SIGNATURE);
        assertRefused(() -> deliver("orders/create", body, "f-4",
                TestClock.CLOCK.instant().minus(Duration.ofHours(6)).minusSeconds(1).toString(), good),
                StorefrontDeliveries.TRIGGERED_AT);
        assertRefused(() -> deliver("orders/create", body, "f-5", "yesterday", good), StorefrontDeliveries.TRIGGERED_AT);
        assertRefused(() -> deliver("orders/create", body, null, now, good), StorefrontDeliveries.WEBHOOK_ID);
        assertThatThrownBy(() -> deliver("orders/deleted", body, "f-6", now, good))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo(StorefrontDeliveries.TOPIC));
        String noLines = body.replaceAll("\"line_items\":\\[[^]]*]", "\"line_items\":[]");
        assertThatThrownBy(() -> deliver("orders/create", noLines, "f-7", now,
                StorefrontDeliveries.signatureOf(SECRET, bytes(noLines))))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("line_items"));
        assertThat(ordersWithExternalId(id)).as("nothing of a refused delivery stays").isZero();

        var first = deliver("orders/create", body, "d-" + id, now, good);
        assertThat(first.duplicate()).isFalse();
        assertThat(deliver("orders/create", body, "d-" + id, now, good).duplicate())
                .as("the sender retrying a delivery we took").isTrue();
        assertRefused(() -> deliver("orders/create", body, "other-" + id, now, good), StorefrontDeliveries.WEBHOOK_ID);
        String changed = order(id, "2026-11-20T11:00:00Z", "paid", "");
        assertRefused(() -> deliver("orders/updated", changed, "d-" + id, now,
                StorefrontDeliveries.signatureOf(SECRET, bytes(changed))), StorefrontDeliveries.WEBHOOK_ID);
        assertThat(ordersWithExternalId(id)).isEqualTo(1);
        assertThat(orders.get(seller, first.applied().id()).paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
    }

    private static void assertRefused(Runnable delivery, String field) {
        assertThatThrownBy(delivery::run).isInstanceOfSatisfying(DomainException.Unauthenticated.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void customersAreMatchedByTheirStorefrontIdThenByEmailAndKeepTheNewest() {
        long id = IDS.incrementAndGet();
        String email = "cust-" + id + "@shop.test";
        var first = deliver("customers/create", """
                {"id":%d,"email":"%s","first_name":"bo","last_name":"Ng","updated_at":"2026-11-20T10:00:00Z"}"""
                .formatted(id, email));
        assertThat(first.applied().outcome()).isEqualTo(Outcome.CREATED);
        var older = deliver("customers/update", """
                {"id":%d,"email":"%s","first_name":"Old","updated_at":"2026-11-19T10:00:00Z"}""".formatted(id, email));
        assertThat(older.applied().outcome()).isEqualTo(Outcome.OLDER_IGNORED);
        var newer = deliver("customers/update", """
                {"id":%d,"email":"%s","first_name":"Bo","last_name":"Ng","phone":"call me","updated_at":"2026-11-21T10:00:00Z"}"""
                .formatted(id, email));
        assertThat(newer.applied().outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(newer.applied().id()).isEqualTo(first.applied().id());
        assertThat(newer.applied().notes()).anySatisfy(n -> assertThat(n).startsWith("phone left out"));
        var badEmail = deliver("customers/update", """
                {"id":%d,"email":"not an address","first_name":"Bo","updated_at":"2026-11-22T10:00:00Z"}""".formatted(id));
        assertThat(badEmail.applied().notes()).anySatisfy(n -> assertThat(n).startsWith("email left out"));
        assertThat(badEmail.applied().outcome()).isEqualTo(Outcome.UPDATED);
    }

    @Test
    void thePullAppliesEveryPageMovesTheWatermarkAndRetriesWhenAnOrderIsRefused() throws Exception {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        api.pages("{\"orders\":[" + order(a, "2026-11-20T10:00:00Z", "paid", "") + "]}",
                "{\"orders\":[" + order(b, "2026-11-20T11:00:00Z", "pending", "") + ",{\"id\":\"x\"}]}");
        assertThatThrownBy(() -> pull.run()).hasMessageContaining("1 storefront orders refused");
        assertThat(ordersWithExternalId(a)).isEqualTo(1);
        assertThat(ordersWithExternalId(b)).isEqualTo(1);
        String firstAsk = api.asked.get(0).toString();
        assertThat(firstAsk).startsWith("http://storefront.test/admin/api/2025-01/orders.json?status=any&limit=250"
                + "&updated_at_min=");
        assertThat(api.asked.get(1).toString()).isEqualTo("http://storefront.test/next?page=1");

        api.pages("{\"orders\":[" + order(a, "2026-11-20T10:00:00Z", "paid", "") + "]}");
        var outcome = pull.run();
        assertThat(outcome.detail()).contains("1 older ignored");
        assertThat(api.asked.get(0).toString()).as("the watermark stayed where the failed pull began").isEqualTo(firstAsk);

        TestClock.CLOCK.advance(Duration.ofMinutes(15));
        api.pages("{\"orders\":[]}");
        pull.run();
        Instant asked = Instant.parse(java.net.URLDecoder.decode(api.asked.get(0).getQuery().replaceAll(".*updated_at_min=", ""),
                StandardCharsets.UTF_8));
        assertThat(asked).as("after a clean pull: its start, less the 5 minutes of overlap")
                .isEqualTo(TestClock.CLOCK.instant().minus(Duration.ofMinutes(15)).minus(Duration.ofMinutes(5))
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
