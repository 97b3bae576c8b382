package io.loadout.functions.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.orders.storefront.StorefrontDeliveries;
import io.loadout.orders.storefront.StorefrontPullJob;
import io.loadout.testing.PartnerPeer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The storefront over real HTTP: its signed webhook in, and the catch-up pull out to a real local HTTP peer. */
@QuarkusTest
@QuarkusTestResource(PartnerPeer.class)
class StorefrontTest {

    static final String SECRET = "fn-test-storefront-secret";
    static String storefrontToken;

    @Inject
    AccountService accounts;
    @Inject
    StorefrontPullJob pull;

    @BeforeEach
    void theStorefrontSeller() {
        synchronized (StorefrontTest.class) {
            if (storefrontToken == null) {
                long id = accounts.idByEmail("storefront@orders.test").orElseGet(() ->
                        accounts.create(new NewAccount("Storefront", "storefront@orders.test", Role.ADMIN)).id());
                storefrontToken = accounts.issueToken(id, new NewToken("test", null)).secret().value();
            }
        }
    }

    static String order(long id, String updatedAt, String financialStatus) {
        return """
                {"id":%d,"name":"#%d","updated_at":"%s","financial_status":"%s",
                 "customer":{"id":%d,"email":"sf-%d@shop.test","first_name":"Cy","last_name":"Storefront","updated_at":"%s"},
                 "line_items":[{"title":"Lamp","sku":"L-1","quantity":1,"price":"80.00"}],
                 "shipping_lines":[{"price":"6.50"}]}""".formatted(id, id, updatedAt, financialStatus, id + 7, id, updatedAt);
    }

    static Response deliver(String topic, String body, String signature) {
        var request = given().contentType(ContentType.JSON).header(StorefrontDeliveries.TOPIC, topic)
                .header(StorefrontDeliveries.WEBHOOK_ID, UUID.randomUUID().toString())
                .header(StorefrontDeliveries.TRIGGERED_AT, Instant.now().toString());
        if (signature != null) {
            request.header(StorefrontDeliveries.SIGNATURE, signature);
        }
        return request.body(body.getBytes(StandardCharsets.UTF_8)).post("/api/orders/webhooks/storefront");
    }

    static String signed(String body) {
        return StorefrontDeliveries.signatureOf(SECRET, body.getBytes(StandardCharsets.UTF_8));
    }

    long ordersFor(String number) {
        return given().header("Authorization", "Bearer " + storefrontToken).queryParam("q", number).get("/api/orders")
                .then().statusCode(200).extract().jsonPath().getList("items").size();
    }

    @Test
    void aSignedDeliveryPlacesTheOrderAndAForgedOneIsA401ThatLeavesNothing() {
        long id = System.nanoTime();
        String body = order(id, "2026-11-20T10:00:00Z", "paid");
        deliver("orders/create", body, signed(body.replace("80.00", "1.00"))).then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo(StorefrontDeliveries.SIGNATURE));
        deliver("orders/create", body, null).then().statusCode(401);
        assertThat(ordersFor("#" + id)).isZero();

        deliver("orders/create", body, signed(body)).then().statusCode(200).body("applied.outcome", equalTo("CREATED"))
                .body("duplicate", equalTo(false));
        given().header("Authorization", "Bearer " + storefrontToken).queryParam("q", "#" + id).get("/api/orders").then()
                .body("items[0].total", equalTo(86.5f)).body("items[0].paymentStatus", equalTo("REMITTED"));
        String bad = "{\"id\":1,\"updated_at\":\"2026-11-20T10:00:00Z\",\"line_items\":[{\"title\":\"x\",\"quantity\":0,\"price\":\"1.00\"}]}";
        deliver("orders/create", bad, signed(bad)).then().statusCode(400).body("field", equalTo("line_items[0].quantity"));
    }

    @Test
    void thePullFollowsTheStorefrontsPagesWithItsTokenAndHealsAMissedWebhook() throws Exception {
        long missed = System.nanoTime();
        long second = missed + 1;
        PartnerPeer.storefrontPages("{\"orders\":[" + order(missed, "2026-11-30T10:00:00Z", "pending") + "]}",
                "{\"orders\":[" + order(second, "2026-11-30T11:00:00Z", "paid") + "]}");
        PartnerPeer.requests().clear();

        var outcome = pull.run();

        assertThat(outcome.detail()).contains("2 created").contains("2 pages");
        assertThat(PartnerPeer.requests()).hasSize(2);
        assertThat(PartnerPeer.requests().get(0)).startsWith("GET " + PartnerPeer.STOREFRONT_API + "/orders.json?status=any")
                .contains("updated_at_min=").endsWith(" " + PartnerPeer.STOREFRONT_TOKEN);
        assertThat(PartnerPeer.requests().get(1)).contains("page_info=1");
        assertThat(ordersFor("#" + missed)).isEqualTo(1);
        assertThat(ordersFor("#" + second)).isEqualTo(1);
    }
}
