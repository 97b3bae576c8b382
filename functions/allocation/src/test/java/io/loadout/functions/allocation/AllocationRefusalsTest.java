package io.loadout.functions.allocation;

import static io.loadout.functions.allocation.AllocationApiTest.AUTOFBA_SECRET;
import static io.loadout.functions.allocation.AllocationApiTest.UNGATING_SECRET;
import static io.loadout.functions.allocation.AllocationApiTest.adminToken;
import static io.loadout.functions.allocation.AllocationApiTest.as;
import static io.loadout.functions.allocation.AllocationApiTest.signed;
import static io.loadout.functions.allocation.AllocationApiTest.tenant;
import static io.loadout.functions.allocation.AllocationApiTest.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.shared.Sql;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.loadout.webhook.WebhookVerifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the hostile test of issue 10 found in allocation: a leak between tenants, 500s, silent negative balances. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class AllocationRefusalsTest {

    @Inject
    AccountService accounts;
    @Inject
    Sql sql;

    @BeforeEach
    void tokens() {
        AllocationApiTest.ensureAdminToken(accounts);
    }

    private String clientLogin() {
        var account = accounts.create(new NewAccount("Login", unique("login-") + "@example.com", Role.CLIENT));
        return account.id() + ":" + accounts.issueToken(account.id(), new NewToken("t", null)).secret().value();
    }

    @Test
    void aMutualStoreShowsAClientOnlyItsOwnMembers() {
        String a = unique("C-A");
        String b = unique("C-B");
        String mutual = unique("M-");
        String now = Instant.now().toString();
        signed(AUTOFBA_SECRET, """
                {"clients": [{"id": "%1$s", "name": "A", "updatedAt": "%4$s", "stores": ["%3$s"]},
                             {"id": "%2$s", "name": "B", "updatedAt": "%4$s", "stores": ["%3$s"]}],
                 "stores": [{"id": "%3$s", "name": "Shared", "mutual": true, "updatedAt": "%4$s"}]}"""
                .formatted(a, b, mutual, now)).post("/api/allocation/webhooks/autofba").then().statusCode(200);
        long clientA = as(adminToken).queryParam("q", a).get("/api/allocation/clients").then().extract().jsonPath()
                .getLong("items[0].id");
        String[] login = clientLogin().split(":");
        as(adminToken).body(Map.of("accountId", Long.parseLong(login[0])))
                .put("/api/allocation/clients/" + clientA + "/account").then().statusCode(200);

        as(login[1]).get("/api/allocation/stores").then().statusCode(200)
                .body("items.find { it.externalId == '" + mutual + "' }.clients", equalTo(List.of(a)));
        as(adminToken).get("/api/allocation/stores?limit=500").then().statusCode(200)
                .body("items.find { it.externalId == '" + mutual + "' }.clients", equalTo(List.of(a, b).stream().sorted().toList()));
    }

    @Test
    void aSignatureTimestampOfAnyLongIsA401NotA500() {
        byte[] body = "{}".getBytes();
        for (String t : new String[] {String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MIN_VALUE), "1e99", ""}) {
            given().header(WebhookVerifier.HEADER, "t=" + t + ",v1=00").contentType(ContentType.JSON).body(body)
                    .post("/api/allocation/webhooks/ungating").then().statusCode(401)
                    .contentType("application/problem+json").body("field", equalTo(WebhookVerifier.HEADER));
        }
    }

    @Test
    void signedBodiesOfTheWrongShapeNameWhereAndLeakNoClassNames() {
        Map<String, String> refusals = Map.of("null", "body", "\"x\"", "body", "[null]", "[0]", "[1, {}]", "[0]",
                "{\"store\": \"S\", \"asin\": \"B000000001\", \"status\": \"YES\", \"updatedAt\": \"+999999-01-01T00:00:00Z\"}",
                "updatedAt");
        refusals.forEach((body, field) -> {
            String answer = signed(UNGATING_SECRET, body).post("/api/allocation/webhooks/ungating").then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo(field))
                    .extract().asString();
            assertThat(answer).as(body).doesNotContain("io.loadout").doesNotContain("Exception");
        });
        Map<String, String> feeds = Map.of("null", "body", "[]", "body", "{\"clients\": [null]}", "clients[0]",
                "{\"clients\": [{\"id\": \"C\", \"name\": \"N\", \"updatedAt\": \"2026-01-01T00:00:00Z\", \"stores\": [null]}]}",
                "clients[0].stores[0]", "{\"stores\": [{\"id\": \"S\\u0000\", \"name\": \"N\", \"updatedAt\": \"2026-01-01T00:00:00Z\"}]}",
                "stores[0].id");
        feeds.forEach((body, field) -> {
            String answer = signed(AUTOFBA_SECRET, body).post("/api/allocation/webhooks/autofba").then()
                    .statusCode(400).body("field", equalTo(field)).extract().asString();
            assertThat(answer).as(body).doesNotContain("io.loadout").doesNotContain("Exception");
        });
    }

    @Test
    void nulCharactersAndFractionalIdsAreRefusedNamingTheField() {
        var t = tenant("5.00");
        String[] login = clientLogin().split(":");
        as(login[1]).queryParam("q", "\u0000").get("/api/allocation/clients").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("q"));
        as(adminToken).body("{\"accountId\": " + login[0] + ".999}").put("/api/allocation/clients/" + t.clientId() + "/account")
                .then().statusCode(400).body("field", equalTo("accountId"));
        long admin = accounts.authenticate(adminToken).orElseThrow().accountId();
        as(adminToken).body(Map.of("accountId", admin)).put("/api/allocation/clients/" + t.clientId() + "/account")
                .then().statusCode(400).body("field", equalTo("accountId"));
        as(adminToken).get("/api/allocation/clients/" + t.clientId()).then().body("accountId", equalTo(null));
    }

    @Test
    void aPartnerFeeBelowZeroIsAnnouncedOnceAndCounted() {
        var t = tenant("100.00");
        String fee = """
                {"entries": [{"id": "%s", "client": "%s", "kind": "SERVICE_FEE", "amount": 1e5, "occurredAt": "%s"}]}"""
                .formatted(unique("FEE-"), t.client(), Instant.now());
        long before = negativeEvents(t.clientId());
        signed(AUTOFBA_SECRET, fee).post("/api/allocation/webhooks/autofba").then().statusCode(200)
                .body("entriesBooked", equalTo(1));
        // the partner redelivers the same entry under a fresh signature
        byte[] again = fee.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().header(WebhookVerifier.HEADER, WebhookVerifier.signatureHeader(AUTOFBA_SECRET,
                        Instant.now().minusSeconds(2), again)).contentType(ContentType.JSON).body(again)
                .post("/api/allocation/webhooks/autofba").then().statusCode(200).body("entriesBooked", equalTo(0));

        assertThat(negativeEvents(t.clientId()) - before).isEqualTo(1);
        as(adminToken).get("/api/allocation/clients/" + t.clientId()).then().body("balance", equalTo(-99900.00f));
        as(adminToken).get("/api/allocation/clients?negative=true&limit=500").then().statusCode(200)
                .body("items.id", hasItem((int) t.clientId()));
        var summary = as(adminToken).get("/api/allocation/balances/summary").then().statusCode(200).extract().jsonPath();
        var negatives = as(adminToken).get("/api/allocation/clients?negative=true&limit=500").then().extract().jsonPath()
                .getList("items.balance", BigDecimal.class);
        assertThat(summary.getLong("negativeClients")).isEqualTo(negatives.size());
        assertThat(summary.getObject("negativeTotal", BigDecimal.class))
                .isEqualByComparingTo(negatives.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        as(adminToken).queryParam("x", "\u0000").get("/api/allocation/balances/summary").then().statusCode(400);
    }

    private long negativeEvents(long clientId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select count(*) n from outbox_event where type = 'allocation.balance.negative'
                   and (payload -> 'client' ->> 'id')::bigint = ?""", List.of(clientId), r -> r.getLong("n")).orElseThrow());
    }
}
