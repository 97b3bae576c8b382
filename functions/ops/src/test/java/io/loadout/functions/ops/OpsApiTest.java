package io.loadout.functions.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.loadout.account.AccountService;
import io.loadout.alert.AlertDraft;
import io.loadout.alert.AlertService;
import io.loadout.alert.AlertSeverity;
import io.loadout.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
class OpsApiTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static String adminToken;

    @Inject
    AccountService accountService;
    @Inject
    AlertService alertService;

    @BeforeEach
    void bootstrapAdminOnce() {
        if (adminToken == null) {
            adminToken = accountService.bootstrapAdmin().orElseThrow().secret().value();
        }
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Creates a client account and a token for it; returns [accountId, token]. */
    private Object[] newClient() {
        int n = SEQ.incrementAndGet();
        long id = as(adminToken).body(Map.of("name", "Client " + n, "email", "client" + n + "@example.com", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        String token = as(adminToken).body(Map.of("label", "cli"))
                .post("/api/ops/accounts/" + id + "/tokens").then().statusCode(201)
                .body("secret", startsWith("ldt_")).body("token.prefix", notNullValue())
                .extract().jsonPath().getString("secret");
        return new Object[] {id, token};
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedWithAProblem() {
        given().get("/api/ops/me").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().header("Authorization", "Bearer ldt_not-a-real-token").get("/api/ops/me").then().statusCode(401);
    }

    @Test
    void bootstrapNeedsTheSecretAndWorksOnlyOnAnEmptySystem() {
        given().header("X-Bootstrap-Secret", "wrong").post("/api/ops/bootstrap").then().statusCode(403)
                .contentType("application/problem+json");
        given().post("/api/ops/bootstrap").then().statusCode(403);
        // the admin created in @BeforeEach exists already
        given().header("X-Bootstrap-Secret", "test-bootstrap-secret").post("/api/ops/bootstrap").then().statusCode(409);
    }

    @Test
    void healthIsPublic() {
        given().get("/api/ops/health").then().statusCode(200).body("status", equalTo("UP")).body("database", equalTo(true));
    }

    @Test
    void aClientCannotReadAnotherAccountsRows() {
        var a = newClient();
        var b = newClient();
        String tokenA = (String) a[1];

        as(tokenA).get("/api/ops/me").then().statusCode(200).body("id", equalTo(((Long) a[0]).intValue()));
        as(tokenA).get("/api/ops/accounts/" + a[0]).then().statusCode(200);
        as(tokenA).get("/api/ops/accounts/" + b[0]).then().statusCode(404).contentType("application/problem+json");
        as(tokenA).get("/api/ops/accounts/" + b[0] + "/tokens").then().statusCode(404);
        as(tokenA).get("/api/ops/accounts").then().statusCode(403).contentType("application/problem+json");
        as(tokenA).get("/api/ops/imports").then().statusCode(403);

        QuarkusTransaction.requiringNew().run(() -> {
            alertService.raise(new AlertDraft((Long) a[0], AlertSeverity.INFO, "t", "for A", null), UUID.randomUUID());
            alertService.raise(new AlertDraft((Long) b[0], AlertSeverity.INFO, "t", "for B", null), UUID.randomUUID());
            alertService.raise(new AlertDraft(null, AlertSeverity.INFO, "t", "for operators", null), UUID.randomUUID());
        });
        as(tokenA).get("/api/ops/alerts?limit=500").then().statusCode(200)
                .body("items.title", hasItem("for A"))
                .body("items.title", not(hasItem("for B")))
                .body("items.title", not(hasItem("for operators")))
                .body("items.accountId", everyItem(equalTo(((Long) a[0]).intValue())));
        as(adminToken).get("/api/ops/alerts?limit=500").then().statusCode(200)
                .body("items.title", hasItem("for B")).body("items.title", hasItem("for operators"));
    }

    @Test
    void aRevokedTokenStopsWorking() {
        var c = newClient();
        long tokenId = as(adminToken).get("/api/ops/accounts/" + c[0] + "/tokens").then().statusCode(200)
                .extract().jsonPath().getLong("[0].id");
        as((String) c[1]).delete("/api/ops/tokens/" + tokenId).then().statusCode(200).body("revokedAt", notNullValue());
        as((String) c[1]).get("/api/ops/me").then().statusCode(401);
    }

    @Test
    void anInactiveAccountCannotAuthenticate() {
        var c = newClient();
        as(adminToken).body(Map.of("active", false)).patch("/api/ops/accounts/" + c[0]).then().statusCode(200)
                .body("active", equalTo(false));
        as((String) c[1]).get("/api/ops/me").then().statusCode(401);
    }

    @Test
    void reactivatingAnAccountDoesNotReviveItsOldTokens() {
        var c = newClient();
        as(adminToken).body(Map.of("active", false)).patch("/api/ops/accounts/" + c[0]).then().statusCode(200);
        as(adminToken).body(Map.of("active", true)).patch("/api/ops/accounts/" + c[0]).then().statusCode(200)
                .body("active", equalTo(true));
        as((String) c[1]).get("/api/ops/me").then().statusCode(401);
        as(adminToken).get("/api/ops/accounts/" + c[0] + "/tokens").then().statusCode(200)
                .body("revokedAt", everyItem(notNullValue()));
        String fresh = as(adminToken).body(Map.of("label", "after")).post("/api/ops/accounts/" + c[0] + "/tokens")
                .then().statusCode(201).extract().jsonPath().getString("secret");
        as(fresh).get("/api/ops/me").then().statusCode(200);
    }

    @Test
    void concurrentChangesToOneAccountAreAConflictNeverAnError() throws Exception {
        long id = (Long) newClient()[0];
        var statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<Integer>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 24; i++) {
            int n = i;
            pool.submit(() -> {
                start.await();
                statuses.add(as(adminToken).body(Map.of("name", "Renamed " + n)).patch("/api/ops/accounts/" + id)
                        .statusCode());
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        org.assertj.core.api.Assertions.assertThat(pool.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.assertj.core.api.Assertions.assertThat(statuses).hasSize(24).allMatch(s -> s == 200 || s == 409)
                .contains(200);
    }

    @Test
    void textPostgresCannotStoreIsRefusedNamingTheField() {
        as(adminToken).body("{\"name\": \"Nul\\u0000\", \"email\": \"nul@example.com\", \"role\": \"CLIENT\"}")
                .post("/api/ops/accounts").then().statusCode(400).body("field", equalTo("name"));
        as(adminToken).body("{\"name\": \"Half \\udc00\", \"email\": \"half@example.com\", \"role\": \"CLIENT\"}")
                .post("/api/ops/accounts").then().statusCode(400).body("field", equalTo("name"));
        as(adminToken).queryParam("kind", "x\u0000").get("/api/ops/imports").then().statusCode(400)
                .body("field", equalTo("kind"));
        as(adminToken).get("/api/ops/accounts?role=CLIENT&limit=500").then().statusCode(200)
                .body("items.email", not(hasItem("nul@example.com")));
    }

    @Test
    void badInputGetsAProblemNamingTheField() {
        as(adminToken).body(Map.of("name", "X", "email", "not-an-email", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("email")).body("errors.field", contains("email"));
        as(adminToken).body(Map.of("name", "X", "email", "x@example.com", "role", "KING"))
                .post("/api/ops/accounts").then().statusCode(400).body("field", equalTo("role"));
        as(adminToken).body("{\"name\": ").post("/api/ops/accounts").then().statusCode(400)
                .contentType("application/problem+json");
        as(adminToken).get("/api/ops/imports?status=DONE").then().statusCode(400).body("field", equalTo("status"));
        as(adminToken).get("/api/ops/imports?limit=0").then().statusCode(400).body("field", equalTo("limit"));
        as(adminToken).post("/api/ops/accounts").then().statusCode(400).contentType("application/problem+json");
        as(adminToken).get("/api/ops/accounts/not-a-number").then().statusCode(404);
        as(adminToken).get("/api/ops/imports/999999").then().statusCode(404).contentType("application/problem+json");
        as(adminToken).body(Map.of("name", " ")).patch("/api/ops/accounts/1").then().statusCode(400)
                .body("field", equalTo("name"));
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        as(adminToken).body(Map.of("name", "Dup", "email", "dup@example.com", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201);
        as(adminToken).body(Map.of("name", "Dup 2", "email", "DUP@example.com", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(409).body("field", equalTo("email"));
    }

    @Test
    void accountsArePagedByKeyset() {
        newClient();
        newClient();
        newClient();
        var first = as(adminToken).get("/api/ops/accounts?limit=2").then().statusCode(200)
                .body("items.size()", equalTo(2)).body("nextBefore", notNullValue()).extract().jsonPath();
        long cursor = first.getLong("nextBefore");
        as(adminToken).get("/api/ops/accounts?limit=2&before=" + cursor).then().statusCode(200)
                .body("items.id", everyItem(lessThan((int) cursor)))
                .body("items.id", not(hasItem(first.getInt("items[0].id"))));
        as(adminToken).get("/api/ops/accounts?limit=500").then().statusCode(200).body("nextBefore", nullValue());
    }
}
