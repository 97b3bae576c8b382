package io.loadout.functions.orders;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orders function over real HTTP: a seller's table, its refusals, its exports, and sellers kept apart. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class OrdersApiTest {

    static String adminToken;
    static String sellerToken;
    static String otherSellerToken;

    @Inject
    AccountService accounts;

    @BeforeEach
    void tokens() {
        synchronized (OrdersApiTest.class) {
            if (adminToken == null) {
                adminToken = accounts.bootstrapAdmin().orElseThrow().secret().value();
                sellerToken = clientToken("Seller");
                otherSellerToken = clientToken("Other seller");
            }
        }
    }

    private String clientToken(String name) {
        var account = accounts.create(new NewAccount(name, UUID.randomUUID() + "@example.com", Role.CLIENT));
        return accounts.issueToken(account.id(), new NewToken("test", null)).secret().value();
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static long customer(String token, String name) {
        return as(token).body(Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "."
                        + UUID.randomUUID().toString().substring(0, 6) + "@example.com"))
                .post("/api/orders/customers").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long item(String token, String price, int stock) {
        return as(token).body(Map.of("sku", "SKU-" + UUID.randomUUID().toString().substring(0, 8), "name", "Mug",
                        "price", price, "stock", stock))
                .post("/api/orders/items").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long order(String token, long customer, long item, int quantity, String shippingFee) {
        return as(token).body(Map.of("customerId", customer, "shippingFee", shippingFee,
                        "lines", List.of(Map.of("itemId", item, "quantity", quantity))))
                .post("/api/orders").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void aSentTotalIsIgnoredAndTheServersIsComputedFromTheLines() {
        long c = customer(sellerToken, "Ana Total");
        long mug = item(sellerToken, "7.99", 10);
        // expected independently: 3 × 7.99 + 2 × 2.50 (free text) + 4.95 shipping
        BigDecimal expected = new BigDecimal("7.99").multiply(BigDecimal.valueOf(3))
                .add(new BigDecimal("2.50").multiply(BigDecimal.valueOf(2))).add(new BigDecimal("4.95"));
        var placed = as(sellerToken).body(Map.of("customerId", c, "shippingFee", "4.95", "total", "0.01",
                        "lines", List.of(Map.of("itemId", mug, "quantity", 3),
                                Map.of("description", "Gift wrap", "quantity", 2, "unitPrice", "2.50"))))
                .post("/api/orders").then().statusCode(201).extract().jsonPath();
        assertThat(new BigDecimal(placed.getString("total"))).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(placed.getString("outstanding"))).isEqualByComparingTo(expected);
        as(sellerToken).get("/api/orders/items/" + mug).then().statusCode(200).body("stock", equalTo(7));
    }

    @Test
    void anotherSellersRowsAreNotFoundAndCannotBeOrderedFrom() {
        long theirCustomer = customer(otherSellerToken, "Their Buyer");
        long theirItem = item(otherSellerToken, "5.00", 5);
        long theirOrder = order(otherSellerToken, theirCustomer, theirItem, 1, "0.00");
        long mine = customer(sellerToken, "My Buyer");

        as(sellerToken).get("/api/orders/customers/" + theirCustomer).then().statusCode(404);
        as(sellerToken).get("/api/orders/items/" + theirItem).then().statusCode(404);
        as(sellerToken).get("/api/orders/" + theirOrder).then().statusCode(404);
        as(sellerToken).post("/api/orders/" + theirOrder + "/remit").then().statusCode(404);
        as(sellerToken).body(Map.of("customerId", theirCustomer, "lines", List.of(Map.of("description", "x",
                "quantity", 1, "unitPrice", "1.00")))).post("/api/orders").then().statusCode(404)
                .body("field", equalTo("customerId"));
        as(sellerToken).body(Map.of("customerId", mine, "lines", List.of(Map.of("itemId", theirItem, "quantity", 1))))
                .post("/api/orders").then().statusCode(404).body("field", equalTo("lines[0].itemId"));
        as(sellerToken).body(Map.of("items", List.of(Map.of("orderId", theirOrder))))
                .post("/api/orders/bulk/remit").then().statusCode(404).body("field", equalTo("items[0].orderId"));
        as(sellerToken).get("/api/orders?limit=500").then().statusCode(200)
                .body("items.findAll { it.id == " + theirOrder + " }", hasSize(0));
        as(otherSellerToken).get("/api/orders/items/" + theirItem).then().body("stock", equalTo(4));
        as(adminToken).get("/api/orders/" + theirOrder).then().statusCode(200).body("customerId", equalTo((int) theirCustomer));
    }

    @Test
    void badInputNamesTheFieldAndOverPaymentIsAConflict() {
        long c = customer(sellerToken, "Bo Refused");
        long o = order(sellerToken, c, item(sellerToken, "10.00", 3), 2, "0.00");
        as(sellerToken).body(Map.of("customerId", c, "lines", List.of(Map.of("description", "x", "quantity", 0,
                "unitPrice", "1.00")))).post("/api/orders").then().statusCode(400).body("field", equalTo("lines[0].quantity"));
        as(sellerToken).body(Map.of("amount", "20.01")).post("/api/orders/" + o + "/payments").then().statusCode(409)
                .body("field", equalTo("amount"));
        as(sellerToken).body(Map.of("amount", "20.01", "credit", true)).post("/api/orders/" + o + "/payments").then()
                .statusCode(201).body("order.paymentStatus", equalTo("REMITTED"));
        as(sellerToken).get("/api/orders?from=2026-13-01").then().statusCode(400).body("field", equalTo("from"));
        as(sellerToken).get("/api/orders?from=2026-12-02&to=2026-12-01").then().statusCode(400).body("field", equalTo("to"));
        as(sellerToken).get("/api/orders?paymentStatus=SOMEWHAT").then().statusCode(400).body("field", equalTo("paymentStatus"));
        as(sellerToken).get("/api/orders/summary?outstanding=maybe").then().statusCode(400).body("field", equalTo("outstanding"));
    }

    @Test
    void theSummaryPageAndBothExportsShowTheSameBuyers() throws Exception {
        String seller = clientToken("Summary seller");
        long ana = customer(seller, "=Ana Formula");
        long bo = customer(seller, "Bo Paid");
        long item = item(seller, "12.00", 50);
        long a1 = order(seller, ana, item, 2, "3.00"); // 27.00
        order(seller, ana, item, 1, "0.00"); // 12.00
        long b1 = order(seller, bo, item, 4, "0.00"); // 48.00
        as(seller).body(Map.of("amount", "10.00")).post("/api/orders/" + a1 + "/payments").then().statusCode(201);
        as(seller).post("/api/orders/" + b1 + "/remit").then().statusCode(200);

        var page = as(seller).get("/api/orders/summary").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.customerId", Long.class)).containsExactly(bo, ana);
        assertThat(page.getString("items[1].outstanding")).isEqualTo("29.0"); // 27 + 12 − 10
        as(seller).get("/api/orders/summary?outstanding=true").then().body("items.customerId", equalTo(List.of((int) ana)));

        byte[] csv = as(seller).get("/api/orders/summary/export.csv").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment; filename=\"summary-by-buyer-"))
                .extract().asByteArray();
        var lines = new String(csv, StandardCharsets.UTF_8).replace("\ufeff", "").split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("Customer,Email,Orders,Items,Ordered,Remitted,Outstanding");
        assertThat(lines[1]).startsWith("Bo Paid,").contains(",1,4,48.00,48.00,0.00,");
        assertThat(lines[2]).as("a name a spreadsheet would run as a formula is written inert")
                .startsWith("'=Ana Formula,").contains(",2,3,39.00,10.00,29.00,");

        byte[] xlsx = as(seller).get("/api/orders/summary/export.xlsx?outstanding=true").then().statusCode(200)
                .extract().asByteArray();
        var rows = new ArrayList<List<String>>();
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            workbook.getFirstSheet().openStream().forEach(r -> rows.add(cells(r)));
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).get(0)).isEqualTo("=Ana Formula");
        assertThat(new BigDecimal(rows.get(1).get(6))).isEqualByComparingTo("29.00");
    }

    @Test
    void bulkShippingIsAllOrNothingAndCountsFollowTheFilter() {
        String seller = clientToken("Bulk seller");
        long c = customer(seller, "Cy Bulk");
        long item = item(seller, "1.00", 10);
        long first = order(seller, c, item, 1, "0.00");
        long second = order(seller, c, item, 1, "0.00");
        Map<String, Object> parcel = Map.of("weightGrams", 500, "lengthCm", 10, "widthCm", 10, "heightCm", 5.5,
                "originPostcode", "E1 6AN", "destinationPostcode", "M1 1AE", "cod", false, "serviceType", "EXPRESS");
        as(seller).body(Map.of("items", List.of(
                        Map.of("orderId", first, "shipping", Map.of("carrier", "DPD", "trackingId", "T-1", "parcel", parcel)),
                        Map.of("orderId", second, "shipping", Map.of("carrier", "DPD", "trackingId", "T-1", "parcel", parcel)))))
                .post("/api/orders/bulk/ship").then().statusCode(409).body("field", equalTo("items[1].trackingId"));
        as(seller).get("/api/orders/counts").then().statusCode(200).body("orders", equalTo(2))
                .body("byStatus.PENDING", equalTo(2)).body("byStatus.SHIPPED", equalTo(0));
        as(seller).body(Map.of("items", List.of(
                        Map.of("orderId", first, "shipping", Map.of("carrier", "DPD", "trackingId", "T-1", "parcel", parcel)),
                        Map.of("orderId", second, "shipping", Map.of("carrier", "DPD", "trackingId", "T-2", "parcel", parcel)))))
                .post("/api/orders/bulk/ship").then().statusCode(200).body("shipment.trackingId", equalTo(List.of("T-1", "T-2")));
        as(seller).get("/api/orders/counts?status=SHIPPED").then().body("orders", equalTo(2));
        as(seller).get("/api/orders?q=T-2").then().body("items.id", equalTo(List.of((int) second)));
    }

    @Test
    void aBuyerOpensTheirPageWithTheLinkAndStrangersLearnNothing() {
        long c = customer(sellerToken, "Di Buyer");
        long o = order(sellerToken, c, item(sellerToken, "30.00", 5), 1, "5.00");
        as(sellerToken).post("/api/orders/" + o + "/remit").then().statusCode(200);
        var issued = as(sellerToken).post("/api/orders/customers/" + c + "/buyer-link").then().statusCode(201)
                .header("Cache-Control", "no-store").extract().jsonPath();
        String token = issued.getString("token");
        assertThat(issued.getString("url")).endsWith("/buyer/#" + token);

        given().header("X-Buyer-Token", token).get("/api/orders/buyer").then().statusCode(200)
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .body("buyerName", equalTo("Di Buyer")).body("totals.outstanding", equalTo(0.0f))
                .body("orders.items[0].total", equalTo(35.0f)).body("orders.items[0].paymentStatus", equalTo("REMITTED"));
        as(sellerToken).get("/api/orders/customers/" + c + "/buyer-link").then().statusCode(200)
                .body("live", hasSize(1)).body("lastViewedAt", org.hamcrest.Matchers.notNullValue())
                .body("live[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("token")));
        as(otherSellerToken).post("/api/orders/customers/" + c + "/buyer-link").then().statusCode(404);

        var wrong = given().header("X-Buyer-Token", "lbl_" + "x".repeat(43)).get("/api/orders/buyer").then()
                .statusCode(401).extract().jsonPath();
        as(sellerToken).delete("/api/orders/customers/" + c + "/buyer-link").then().statusCode(200).body("live", hasSize(0));
        var revoked = given().header("X-Buyer-Token", token).get("/api/orders/buyer").then().statusCode(401)
                .body("field", equalTo("X-Buyer-Token")).extract().jsonPath();
        assertThat(revoked.getString("detail")).isEqualTo(wrong.getString("detail"));
        given().get("/api/orders/buyer").then().statusCode(401);
        given().get("/buyer/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
    }

    @Test
    void emailMeMyLinkAnswersTheSameForAStrangerAndLimitsEachAddress() {
        long sellerId = as(sellerToken).get("/api/orders/customers/" + customer(sellerToken, "Ed Known") ).then()
                .extract().jsonPath().getLong("sellerId");
        String known = as(sellerToken).get("/api/orders/customers?q=Ed Known").then().extract().jsonPath()
                .getString("items[0].email");
        String knownAnswer = given().contentType(ContentType.JSON).body(Map.of("sellerId", sellerId, "email", known))
                .post("/api/orders/buyer/link-requests").then().statusCode(202).extract().asString();
        String strangerAnswer = given().contentType(ContentType.JSON)
                .body(Map.of("sellerId", sellerId, "email", "stranger-" + UUID.randomUUID() + "@example.com"))
                .post("/api/orders/buyer/link-requests").then().statusCode(202).extract().asString();
        assertThat(strangerAnswer).isEqualTo(knownAnswer);
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON).body(Map.of("sellerId", sellerId, "email", known))
                    .post("/api/orders/buyer/link-requests").then().statusCode(202);
        }
        given().contentType(ContentType.JSON).body(Map.of("sellerId", sellerId, "email", known.toUpperCase()))
                .post("/api/orders/buyer/link-requests").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue()).body("field", equalTo("email"));
        given().contentType(ContentType.JSON).body(Map.of("sellerId", sellerId, "email", "not an address"))
                .post("/api/orders/buyer/link-requests").then().statusCode(400).body("field", equalTo("email"));
    }

    private static List<String> cells(Row row) {
        var out = new ArrayList<String>();
        for (int i = 0; i < row.getCellCount(); i++) {
            out.add(row.getCellText(i));
        }
        return out;
    }
}
