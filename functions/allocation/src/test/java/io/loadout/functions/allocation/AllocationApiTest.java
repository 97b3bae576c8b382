package io.loadout.functions.allocation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.allocation.InventoryImporter;
import io.loadout.imports.Importer.ImportContext;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.loadout.webhook.WebhookVerifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The allocation function over real HTTP: signed webhooks in, carts and pallets out, tenants kept apart. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class AllocationApiTest {

    static final String UNGATING_SECRET = "fn-test-ungating-secret";
    static final String AUTOFBA_SECRET = "fn-test-autofba-secret";
    static final String SHEET_HEADER = "ASIN,Batch,Title,Item Weight,Length,Width,Height,Quantity Purchased,"
            + "Remaining Quantity,Unit Cost,Date Added,Min Shipping Price,Max Shipping Price\n";

    static String adminToken;

    @Inject
    AccountService accounts;
    @Inject
    InventoryImporter importer;

    @BeforeEach
    void tokens() {
        ensureAdminToken(accounts);
    }

    /** The first admin of this test database, shared by the test classes of this module (one Quarkus start). */
    static synchronized void ensureAdminToken(AccountService accounts) {
        if (adminToken == null) {
            adminToken = accounts.bootstrapAdmin().orElseThrow().secret().value();
        }
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    static String asin() {
        return unique("B0").substring(0, 10);
    }

    static RequestSpecification signed(String secret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return given().header(WebhookVerifier.HEADER, WebhookVerifier.signatureHeader(secret, Instant.now(), bytes))
                .contentType(ContentType.JSON).body(bytes);
    }

    record Tenant(long clientId, String client, long storeId, String store) {
    }

    /** A client with one store and a deposit, announced by the AutoFBA panel's signed webhook. */
    static Tenant tenant(String deposit) {
        String client = unique("C-");
        String store = unique("S-");
        String now = Instant.now().toString();
        String feed = """
                {"clients": [{"id": "%1$s", "name": "Client %1$s", "email": "%1$s@example.com", "updatedAt": "%3$s",
                              "stores": ["%2$s"]}],
                 "stores": [{"id": "%2$s", "name": "Store %2$s", "mutual": false, "updatedAt": "%3$s"}],
                 "entries": [{"id": "%4$s", "client": "%1$s", "kind": "DEPOSIT", "amount": %5$s, "reference": "wire",
                              "occurredAt": "%3$s"}]}""".formatted(client, store, now, unique("E-"), deposit);
        signed(AUTOFBA_SECRET, feed).post("/api/allocation/webhooks/autofba").then().statusCode(200)
                .body("clientsChanged", equalTo(1)).body("entriesBooked", equalTo(1));
        var found = as(adminToken).queryParam("q", client).get("/api/allocation/clients").then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        long clientId = found.getLong("items[0].id");
        long storeId = as(adminToken).get("/api/allocation/stores?limit=500").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.externalId == '" + store + "' }.id");
        return new Tenant(clientId, client, storeId, store);
    }

    void ungate(String store, String asin, String status) {
        signed(UNGATING_SECRET, """
                {"store": "%s", "asin": "%s", "status": "%s", "updatedAt": "%s"}""".formatted(store, asin, status,
                Instant.now())).post("/api/allocation/webhooks/ungating").then().statusCode(200).body("applied", equalTo(1));
    }

    /** The sheet, as the imports function applies it from the bucket. */
    void importSheet(String rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                importer.apply(new ByteArrayInputStream((SHEET_HEADER + rows).getBytes(StandardCharsets.UTF_8)),
                        new ImportContext(1, "imports/inventory/test.csv"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String row(String asin, String batch, int quantity, String cost, LocalDate added) {
        return String.join(",", asin, batch, "Item " + asin, "5", "10", "10", "10", String.valueOf(quantity),
                String.valueOf(quantity), cost, added.toString(), "1.00", "100.00") + "\n";
    }

    @Test
    void sheetToCartToPalletToManifest() {
        var t = tenant("1300.00");
        String asin = asin();
        importSheet(row(asin, "B1", 20, "10.00", LocalDate.now().minusDays(40)));
        ungate(t.store(), asin, "YES");

        as(adminToken).queryParam("asin", asin).queryParam("available", "true").queryParam("minAgeDays", "30")
                .get("/api/allocation/lots").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].available", equalTo(20)).body("items[0].ageDays", equalTo(40));
        as(adminToken).queryParam("asin", asin).queryParam("maxAgeDays", "30").get("/api/allocation/lots")
                .then().statusCode(200).body("items", hasSize(0));
        as(adminToken).queryParam("storeId", t.storeId()).get("/api/allocation/ungating").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("YES"));

        var cart = as(adminToken).body(Map.of("clientId", t.clientId(), "storeId", t.storeId(), "amount", "200.00"))
                .post("/api/allocation/carts/generate").then().statusCode(201)
                .body("cart.status", equalTo("DRAFT")).body("cart.goodsTotal", equalTo(200.00f))
                .body("cart.units", equalTo(20)).body("shortfall", nullValue()).extract().jsonPath();
        long cartId = cart.getLong("cart.id");
        as(adminToken).get("/api/allocation/clients/" + t.clientId()).then().statusCode(200)
                .body("balance", equalTo(1300.00f)).body("reservedByDrafts", equalTo(200.00f))
                .body("spendable", equalTo(1100.00f));
        as(adminToken).post("/api/allocation/carts/" + cartId + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        as(adminToken).post("/api/allocation/carts/" + cartId + "/confirm").then().statusCode(409)
                .contentType("application/problem+json");
        as(adminToken).get("/api/allocation/clients/" + t.clientId()).then().statusCode(200)
                .body("balance", equalTo(1100.00f)).body("reservedByDrafts", equalTo(0));
        as(adminToken).get("/api/allocation/clients/" + t.clientId() + "/ledger").then().statusCode(200)
                .body("items.kind", equalTo(List.of("GOODS_DEBIT", "DEPOSIT")));

        var generated = as(adminToken).body(Map.of("clientId", t.clientId(), "storeId", t.storeId()))
                .post("/api/allocation/pallets/generate").then().statusCode(201)
                .body("pallets", hasSize(1)).body("keptBack", hasSize(0)).body("pallets[0].units", equalTo(20))
                .body("pallets[0].status", equalTo("DRAFT")).body("shortfall", nullValue())
                // the pallet's freight (1,000.00 configured) shared by its 20 units, within their [1.00, 100.00]
                .body("pallets[0].totalShipping", equalTo(1000.00f))
                .body("pallets[0].lines.shippingPerUnit", everyItem(equalTo(50.00f))).extract().jsonPath();
        long palletId = generated.getLong("pallets[0].id");
        String code = generated.getString("pallets[0].code");
        as(adminToken).queryParam("clientId", t.clientId()).get("/api/allocation/pallets").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].code", equalTo(code));
        as(adminToken).post("/api/allocation/pallets/" + palletId + "/confirm").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        as(adminToken).get("/api/allocation/clients/" + t.clientId()).then().body("balance", equalTo(100.00f));

        String csv = as(adminToken).get("/api/allocation/pallets/" + palletId + "/manifest.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString(code + ".csv"))
                .extract().asString();
        var lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("pallet,client,store,destination,asin,title,quantity");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(code + "," + t.client() + "," + t.store() + "," + t.store() + "," + asin + ",")
                .contains(",20,");
        as(adminToken).get("/api/allocation/pallets/" + palletId + "/manifest.html").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Pallet " + code))
                .body(containsString(asin));

        as(adminToken).body(Map.of("shippedOn", "2026-11-20")).post("/api/allocation/pallets/" + palletId + "/ship")
                .then().statusCode(200).body("status", equalTo("SHIPPED")).body("shippedOn", equalTo("2026-11-20"));
        as(adminToken).post("/api/allocation/pallets/" + palletId + "/ship").then().statusCode(409);
    }

    @Test
    void aCartBeyondTheBalanceSaysByHowMuch() {
        var t = tenant("50.00");
        String asin = asin();
        importSheet(row(asin, "B1", 30, "10.00", LocalDate.now().minusDays(5)));
        ungate(t.store(), asin, "YES");
        as(adminToken).body(Map.of("clientId", t.clientId(), "storeId", t.storeId(), "amount", "120.00"))
                .post("/api/allocation/carts/generate").then().statusCode(201)
                .body("cart.goodsTotal", equalTo(50.00f)).body("shortfall.amount", equalTo(70.00f))
                .body("shortfall.available", equalTo(50.00f));
    }

    @Test
    void webhooksAreSignedOnceAndNamedWhenWrong() {
        String asin = asin();
        String store = tenant("1.00").store();
        String body = """
                {"store": "%s", "asin": "%s", "status": "INVOICE_NEEDED", "updatedAt": "%s"}""".formatted(
                store, asin, Instant.now());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = WebhookVerifier.signatureHeader(UNGATING_SECRET, Instant.now(), bytes);
        given().header(WebhookVerifier.HEADER, signature).contentType(ContentType.JSON).body(bytes)
                .post("/api/allocation/webhooks/ungating").then().statusCode(200).body("tasksOpened", hasSize(1));
        given().header(WebhookVerifier.HEADER, signature).contentType(ContentType.JSON).body(bytes)
                .post("/api/allocation/webhooks/ungating").then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo(WebhookVerifier.HEADER));
        given().contentType(ContentType.JSON).body(bytes).post("/api/allocation/webhooks/ungating").then().statusCode(401);
        signed(AUTOFBA_SECRET, body).post("/api/allocation/webhooks/ungating").then().statusCode(401);
        signed(UNGATING_SECRET, "[{\"store\": \"S\", \"asin\": \"B000000001\", \"status\": \"MAYBE\"}]")
                .post("/api/allocation/webhooks/ungating").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("[0].status"));
        signed(UNGATING_SECRET, body.replace(store, unique("S-")))
                .post("/api/allocation/webhooks/ungating").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("store"));

        long task = as(adminToken).queryParam("status", "OPEN").queryParam("limit", "500")
                .get("/api/allocation/admin-tasks").then().statusCode(200).extract().jsonPath()
                .getLong("items.find { it.asin == '" + asin + "' && it.kind == 'UPLOAD_INVOICE' }.id");
        as(adminToken).post("/api/allocation/admin-tasks/" + task + "/done").then().statusCode(200)
                .body("status", equalTo("DONE")).body("doneBy", notNullValue());
    }

    @Test
    void adminsUpdateUngatingInBulkAllOrNothing() {
        var t = tenant("10.00");
        String a = asin();
        String b = asin();
        as(adminToken).body(Map.of("items", List.of(Map.of("store", t.store(), "asin", a, "status", "YES"),
                        Map.of("store", t.store(), "asin", "not-an-asin", "status", "NO"))))
                .post("/api/allocation/ungating/bulk").then().statusCode(400).body("field", equalTo("items[1].asin"));
        as(adminToken).queryParam("storeId", t.storeId()).get("/api/allocation/ungating").then().body("items", hasSize(0));
        as(adminToken).body(Map.of("items", List.of(Map.of("store", t.store(), "asin", a, "status", "YES"),
                        Map.of("store", t.store(), "asin", b, "status", "NO"))))
                .post("/api/allocation/ungating/bulk").then().statusCode(200).body("applied", equalTo(2));
        as(adminToken).body(Map.of("store", t.store(), "asin", b, "status", "YES", "updatedAt", "2020-01-01T00:00:00Z"))
                .post("/api/allocation/ungating").then().statusCode(200).body("ignored", equalTo(1));
        as(adminToken).queryParam("storeId", t.storeId()).queryParam("asin", b).get("/api/allocation/ungating/history")
                .then().statusCode(200).body("applied", equalTo(List.of(false, true)));
        as(adminToken).queryParam("storeId", t.storeId()).queryParam("status", "YES").get("/api/allocation/ungating")
                .then().body("items.asin", equalTo(List.of(a)));
    }

    @Test
    void aClientLoginSeesOnlyItsOwnClients() {
        var mine = tenant("100.00");
        var theirs = tenant("100.00");
        var account = accounts.create(new NewAccount("Client", unique("client-") + "@example.com", Role.CLIENT));
        String token = accounts.issueToken(account.id(), new NewToken("test", null)).secret().value();
        as(adminToken).body(Map.of("accountId", account.id())).put("/api/allocation/clients/" + mine.clientId() + "/account")
                .then().statusCode(200).body("accountId", equalTo(account.id().intValue()));

        as(token).get("/api/allocation/clients").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].externalId", equalTo(mine.client()));
        as(token).get("/api/allocation/clients/" + theirs.clientId()).then().statusCode(404);
        as(token).get("/api/allocation/clients/" + theirs.clientId() + "/ledger").then().statusCode(404);
        as(token).get("/api/allocation/stores").then().statusCode(200).body("items.externalId", equalTo(List.of(mine.store())));
        as(token).queryParam("storeId", theirs.storeId()).get("/api/allocation/ungating").then().body("items", hasSize(0));
        as(token).get("/api/allocation/lots?limit=1").then().statusCode(200);
        as(token).body(Map.of("clientId", mine.clientId(), "storeId", mine.storeId(), "amount", "10.00"))
                .post("/api/allocation/carts/generate").then().statusCode(403);
        as(token).get("/api/allocation/carts").then().statusCode(200).body("items.clientId", everyItem(equalTo((int) mine.clientId())));
        given().get("/api/allocation/clients").then().statusCode(401);
    }

    @Test
    void badQueryValuesAnswer400NamingTheField() {
        as(adminToken).get("/api/allocation/lots?minAgeDays=-1").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("minAgeDays"));
        as(adminToken).get("/api/allocation/lots?available=maybe").then().statusCode(400).body("field", equalTo("available"));
        as(adminToken).get("/api/allocation/lots?asin=abc").then().statusCode(400).body("field", equalTo("asin"));
        as(adminToken).get("/api/allocation/pallets?status=LOST").then().statusCode(400).body("field", equalTo("status"));
        as(adminToken).get("/api/allocation/admin-tasks?status=MAYBE").then().statusCode(400).body("field", equalTo("status"));
        as(adminToken).body(Map.of("clientId", 1, "storeId", 1)).post("/api/allocation/carts/generate").then()
                .statusCode(400).body("field", equalTo("amount"));
        as(adminToken).body(Map.of("clientId", 999_999_999, "storeId", 1, "amount", "1.00"))
                .post("/api/allocation/carts/generate").then().statusCode(404);
        as(adminToken).body(Map.of("accountId", 999_999_999)).put("/api/allocation/clients/"
                + tenant("1.00").clientId() + "/account").then().statusCode(400).body("field", equalTo("accountId"));
    }
}
