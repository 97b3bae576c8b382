package io.loadout.blackbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.loadout.testing.CloudEvents;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged functions as the cloud runs them, driven only from outside: HTTP for ops, CloudEvents for the
 * event functions. The database is migrated first by the packaged migration step, as a deploy does.
 */
class FunctionsBlackBoxIT {

    private static final List<FunctionProcess> FUNCTIONS = new ArrayList<>();
    private static BlackBoxEnvironment deployment;
    private static FunctionProcess ops;
    private static FunctionProcess catalog;
    private static FunctionProcess allocation;
    private static FunctionProcess orders;
    private static FunctionProcess imports;
    private static FunctionProcess notifier;
    private static FunctionProcess jobs;
    private static String adminToken;

    @BeforeAll
    static void deploy() throws Exception {
        deployment = new BlackBoxEnvironment();
        // one after another, so each cold start is measured without the others competing for the CPU
        ops = track(deployment.launch("ops"));
        catalog = track(deployment.launch("catalog"));
        allocation = track(deployment.launch("allocation"));
        orders = track(deployment.launch("orders"));
        imports = track(deployment.launch("imports"));
        notifier = track(deployment.launch("notifier"));
        jobs = track(deployment.launch("jobs"));
        adminToken = given().baseUri(ops.baseUri()).header("X-Bootstrap-Secret", BlackBoxEnvironment.BOOTSTRAP_SECRET)
                .post("/api/ops/bootstrap").then().statusCode(201).extract().path("secret");
    }

    private static FunctionProcess track(FunctionProcess function) {
        FUNCTIONS.add(function);
        return function;
    }

    @AfterAll
    static void undeploy() throws Exception {
        var report = new StringBuilder("function,cold_start_ms,peak_rss_mb\n");
        for (FunctionProcess f : FUNCTIONS) {
            report.append(f.name).append(',').append(f.coldStart().toMillis()).append(',')
                    .append(f.measuredPeakRssKb() / 1024).append('\n');
            f.close();
        }
        System.out.println("black-box cold starts (one run each; ./loadout bench for medians):\n" + report);
        if (deployment != null) {
            deployment.close();
        }
    }

    private static io.restassured.response.Response storageEvent(String name, long generation) {
        return BlackBoxEnvironment.storageEvent(imports, name, generation);
    }

    private static String envelope(UUID id, String type, String payload) {
        return BlackBoxEnvironment.envelope(id, type, payload);
    }

    private static io.restassured.response.Response eventToNotifier(String envelope) {
        return BlackBoxEnvironment.toNotifier(notifier, envelope);
    }

    private static io.restassured.response.Response jobTick(String messageId, String job) {
        return BlackBoxEnvironment.jobTick(jobs, messageId, job);
    }

    private static io.restassured.specification.RequestSpecification opsAs(String token) {
        return given().baseUri(ops.baseUri()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void opsServesAccountsWithRolesAndTenancy() {
        opsAs(adminToken).get("/api/ops/me").then().statusCode(200).body("role", equalTo("ADMIN"));
        given().baseUri(ops.baseUri()).get("/api/ops/me").then().statusCode(401).contentType("application/problem+json");
        given().baseUri(ops.baseUri()).header("X-Bootstrap-Secret", BlackBoxEnvironment.BOOTSTRAP_SECRET).post("/api/ops/bootstrap")
                .then().statusCode(409);

        int a = opsAs(adminToken).body(Map.of("name", "A", "email", "a@bb.test", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201).extract().path("id");
        int b = opsAs(adminToken).body(Map.of("name", "B", "email", "b@bb.test", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201).extract().path("id");
        String tokenA = opsAs(adminToken).body(Map.of("label", "bb")).post("/api/ops/accounts/" + a + "/tokens")
                .then().statusCode(201).body("secret", startsWith("ldt_")).extract().path("secret");

        opsAs(tokenA).get("/api/ops/accounts/" + a).then().statusCode(200);
        opsAs(tokenA).get("/api/ops/accounts/" + b).then().statusCode(404);
        opsAs(tokenA).get("/api/ops/accounts").then().statusCode(403);
        opsAs(adminToken).body(Map.of("name", "C", "email", "nope", "role", "CLIENT")).post("/api/ops/accounts")
                .then().statusCode(400).body("field", equalTo("email"));
    }

    @Test
    void importsIgnoresWhatIsNotAnImportAndSurvivesGarbage() {
        storageEvent("catalog/1/photo.jpg", 7).then().statusCode(200);
        storageEvent("imports/x/data.csv.errors.csv", 8).then().statusCode(200);
        CloudEvents.postTo(imports.baseUri(), "bad", CloudEvents.STORAGE_FINALIZED, "//storage", "{\"name\":1}")
                .then().statusCode(200);

        opsAs(adminToken).get("/api/ops/imports").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void notifierMailsAndAlertsOncePerEvent() {
        UUID id = UUID.randomUUID();
        String failedImport = envelope(id, "import.finished", """
                {"jobId":5,"kind":"unknown","objectName":"imports/unknown/bb.csv","status":"FAILED","rowsTotal":0,
                 "rowsSucceeded":0,"rowsFailed":0,"errorsObject":"imports/unknown/bb.csv.errors.csv","summary":"unknown kind"}""");

        for (int delivery = 0; delivery < 3; delivery++) {
            eventToNotifier(failedImport).then().statusCode(200);
        }

        var mails = Arrays.stream(deployment.smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains("imports/unknown/bb.csv")).toList();
        assertThat(mails).hasSize(1);
        opsAs(adminToken).get("/api/ops/alerts").then().statusCode(200)
                .body("items.findAll { it.title == 'Import failed: imports/unknown/bb.csv' }.size()", equalTo(1));
    }

    @Test
    void jobsRunsOncePerTickAndReportsFailures() {
        String tick = CloudEvents.newId();
        jobTick(tick, "outbox-sweep").then().statusCode(200);
        jobTick(tick, "outbox-sweep").then().statusCode(200);
        jobTick(CloudEvents.newId(), "no-such-job").then().statusCode(200);

        opsAs(adminToken).get("/api/ops/job-runs?job=outbox-sweep").then().statusCode(200)
                .body("items.findAll { it.triggerId == '" + tick + "' }.size()", equalTo(1))
                .body("items[0].status", equalTo("SUCCEEDED"));
        opsAs(adminToken).get("/api/ops/job-runs?job=no-such-job").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED"));
        assertThat(deployment.pubSub.ofType("job.failed")).anySatisfy(p -> {
            assertThat(p.topic()).isEqualTo("projects/black-box/topics/loadout-events");
            assertThat(p.data()).contains("no-such-job");
        });
    }

    @Test
    void catalogPricesAreCreatedRefusedWhenOverlappingListedExportedAndActivatedByTheJob() {
        var admin = given().baseUri(catalog.baseUri()).header("Authorization", "Bearer " + adminToken).contentType(ContentType.JSON);
        long bp = admin.body(Map.of("name", "Black-box Magnum", "itemType", "VEHICLE", "subType", "SCOOTER"))
                .post("/api/catalog/base-products").then().statusCode(201).extract().jsonPath().getLong("id");
        long version = admin.body(Map.of("name", "V1")).post("/api/catalog/base-products/" + bp + "/versions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long catalogId = admin.body(Map.of("versionId", version, "name", "Red", "hsnCode", "87116020", "weight", 60,
                        "colour", "Red", "sellingType", "SALEABLE", "gstRate", "GST-5"))
                .post("/api/catalog/catalogs").then().statusCode(201).extract().jsonPath().getLong("id");
        long config = admin.body(Map.of("name", "60V")).post("/api/catalog/catalogs/" + catalogId + "/configurations")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long price = admin.body(Map.of("price", 1000, "validFrom", "2026-01-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin.body(Map.of("price", 900, "validFrom", "2025-06-01T00:00:00Z", "validTo", "2026-02-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(409)
                .contentType("application/problem+json").body("conflictsWith", equalTo("price/" + price));
        admin.get("/api/catalog/configurations?configId=" + config).then().statusCode(200)
                .body("items[0].activePrice", equalTo(1000.0f)).body("items[0].catalog.catalogName", equalTo("Red"));
        byte[] xlsx = admin.get("/api/catalog/configurations/export?configId=" + config).then().statusCode(200)
                .extract().asByteArray();
        assertThat(xlsx).startsWith('P', 'K');
        jobTick(CloudEvents.newId(), "price-activation").then().statusCode(200);
        opsAs(adminToken).get("/api/ops/job-runs?job=price-activation").then().statusCode(200)
                .body("items[0].status", equalTo("SUCCEEDED"));
    }

    @Test
    void allocationTakesSignedUngatingOnceAndOpensTheInvoiceTask() throws Exception {
        // stores come from the AutoFBA panel: announce the store first, as the panel's signed webhook does
        byte[] feed = """
                {"stores": [{"id": "BB-STORE-1", "name": "Black-box store", "mutual": false,
                             "updatedAt": "2026-11-21T08:00:00Z"}]}""".getBytes(StandardCharsets.UTF_8);
        given().baseUri(allocation.baseUri()).header("X-Loadout-Signature", sign(BlackBoxEnvironment.AUTOFBA_SECRET, feed))
                .contentType(ContentType.JSON).body(feed).post("/api/allocation/webhooks/autofba").then().statusCode(200);
        byte[] body = """
                {"store": "BB-STORE-1", "asin": "B0BLACKBX1", "status": "INVOICE_NEEDED", "updatedAt": "2026-11-21T09:00:00Z"}"""
                .getBytes(StandardCharsets.UTF_8);
        String signature = sign(BlackBoxEnvironment.UNGATING_SECRET, body);

        for (int delivery = 0; delivery < 2; delivery++) {
            given().baseUri(allocation.baseUri()).header("X-Loadout-Signature", signature).contentType(ContentType.JSON)
                    .body(body).post("/api/allocation/webhooks/ungating").then()
                    .statusCode(delivery == 0 ? 200 : 401);
        }
        given().baseUri(allocation.baseUri()).contentType(ContentType.JSON).body(body)
                .post("/api/allocation/webhooks/ungating").then().statusCode(401)
                .contentType("application/problem+json").body("field", equalTo("X-Loadout-Signature"));

        given().baseUri(allocation.baseUri()).header("Authorization", "Bearer " + adminToken)
                .get("/api/allocation/admin-tasks?status=OPEN").then().statusCode(200)
                .body("items.findAll { it.asin == 'B0BLACKBX1' }.size()", equalTo(1));
        given().baseUri(allocation.baseUri()).header("Authorization", "Bearer " + adminToken)
                .get("/api/allocation/ungating?asin=B0BLACKBX1").then().statusCode(200)
                .body("items[0].status", equalTo("INVOICE_NEEDED")).body("items[0].store", equalTo("BB-STORE-1"));
        assertThat(deployment.pubSub.ofType("allocation.ungating.invoice-needed"))
                .anySatisfy(p -> assertThat(p.data()).contains("B0BLACKBX1"));
    }

    @Test
    void ordersTakesStockTakesPartialPaymentsAndShipsWithAShipment() {
        var seller = given().baseUri(orders.baseUri()).header("Authorization", "Bearer " + adminToken)
                .contentType(ContentType.JSON);
        long customer = seller.body(Map.of("name", "Black-box Buyer", "email", "BUYER@bb.test", "phone", "+44 7700 900123"))
                .post("/api/orders/customers").then().statusCode(201).body("phoneE164", equalTo("+447700900123"))
                .extract().jsonPath().getLong("id");
        long item = seller.body(Map.of("sku", "BB-1", "name", "Black-box mug", "price", "12.50", "stock", 3))
                .post("/api/orders/items").then().statusCode(201).extract().jsonPath().getLong("id");
        // a client-sent total is not a field of the order: the server's is 3 × 12.50 + 4.00
        long order = seller.body(Map.of("customerId", customer, "shippingFee", "4.00", "total", "1.00",
                        "lines", List.of(Map.of("itemId", item, "quantity", 3))))
                .post("/api/orders").then().statusCode(201).body("total", equalTo(41.5f))
                .body("paymentStatus", equalTo("UNPAID")).extract().jsonPath().getLong("id");
        seller.get("/api/orders/items/" + item).then().statusCode(200).body("stock", equalTo(0));
        seller.body(Map.of("customerId", customer, "lines", List.of(Map.of("itemId", item, "quantity", 1))))
                .post("/api/orders").then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("lines[0].quantity"));
        seller.body(Map.of("amount", "50.00")).post("/api/orders/" + order + "/payments").then().statusCode(409)
                .body("field", equalTo("amount"));
        seller.body(Map.of("amount", "20.00", "method", "bank transfer")).post("/api/orders/" + order + "/payments")
                .then().statusCode(201).body("order.paymentStatus", equalTo("PARTIALLY_PAID"));
        seller.post("/api/orders/" + order + "/remit").then().statusCode(200)
                .body("payment.amount", equalTo(21.5f)).body("order.paymentStatus", equalTo("REMITTED"));
        seller.body(Map.of("carrier", "DPD", "trackingId", "BB-TRACK-1", "parcel", Map.of("weightGrams", 900,
                        "lengthCm", 20, "widthCm", 15, "heightCm", 10, "originPostcode", "E1 6AN",
                        "destinationPostcode", "M1 1AE", "cod", false, "serviceType", "STANDARD")))
                .post("/api/orders/" + order + "/ship").then().statusCode(200)
                .body("order.status", equalTo("SHIPPED")).body("shipment.invoiceTotal", equalTo(41.5f));
        seller.get("/api/orders/summary?outstanding=false").then().statusCode(200)
                .body("items.find { it.customerId == " + customer + " }.outstanding", equalTo(0.0f));
        var shipped = deployment.pubSub.ofType("orders.order.shipped").stream()
                .filter(p -> p.data().contains("BB-TRACK-1")).findFirst().orElseThrow();

        // the packaged notifier issues the buyer's link as it mails the shipping news; the link opens the buyer page
        eventToNotifier(shipped.data()).then().statusCode(200);
        eventToNotifier(shipped.data()).then().statusCode(200);
        var mails = Arrays.stream(deployment.smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getBody(m).contains("BB-TRACK-1")).toList();
        assertThat(mails).as("one mail however often the event comes").hasSize(1);
        var link = java.util.regex.Pattern.compile("#(lbl_[A-Za-z0-9_-]{43})")
                .matcher(GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).as("the mail carries the buyer link").isTrue();
        given().baseUri(orders.baseUri()).header("X-Buyer-Token", link.group(1)).get("/api/orders/buyer").then()
                .statusCode(200).header("Referrer-Policy", "no-referrer").body("buyerName", equalTo("Black-box Buyer"))
                .body("totals.outstanding", equalTo(0.0f)).body("orders.items[0].trackingId", equalTo("BB-TRACK-1"));
        given().baseUri(orders.baseUri()).get("/buyer/").then().statusCode(200);
    }

    /** The partners' signature header: HMAC-SHA256 of "{@code <unix seconds>.<body>}" with the shared secret. */
    private static String sign(String secret, byte[] body) throws Exception {
        long t = Instant.now().getEpochSecond();
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
