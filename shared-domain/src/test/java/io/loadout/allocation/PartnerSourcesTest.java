package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static io.loadout.allocation.AllocationFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.StoredObject;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.ScriptedPartnerFeed;
import io.loadout.testdoubles.TestClock;
import io.loadout.webhook.WebhookVerifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sheet poll and the AutoFBA pull on what the partners answer (over HTTP: HttpPartnerFeedTest, and the jobs
 * function's test against a real local server); the signed webhooks.
 */
@QuarkusTest
class PartnerSourcesTest {

    static final String UNGATING_SECRET = "test-ungating-secret";
    static final String AUTOFBA_SECRET = "test-autofba-secret";

    @Inject
    InventorySheetPollJob sheetPoll;
    @Inject
    AutoFbaPullJob autofbaPull;
    @Inject
    PartnerWebhooks webhooks;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    ImportService imports;
    @Inject
    AllocationFixture fixture;
    @Inject
    Sql sql;
    @Inject
    ScriptedPartnerFeed partnerFeed;

    @Test
    void theSheetPollDropsAChangedSheetIntoTheImportPipelineAndSkipsAnUnchangedOne() throws Exception {
        String a = asin();
        String csv = AllocationFixture.SHEET_HEADER
                + row(a, "PO-7", "2", "10", "10", "10", 12, 12, "8.00", "2026-11-01", "0.10", "1.50");
        partnerFeed.sheet(csv);

        var first = sheetPoll.run();

        assertThat(first.itemsProcessed()).isEqualTo(1);
        String object = first.detail().substring(first.detail().indexOf("imports/"));
        assertThat(new String(bucket.objects.get(object), StandardCharsets.UTF_8)).isEqualTo(csv);
        // the bucket's finalize event, as the imports function receives it
        imports.onObjectFinalized(new StoredObject("bucket", object, System.nanoTime(), (long) csv.length(), "text/csv"));
        assertThat(fixture.lot(a, "PO-7")).containsExactly(12, 0);

        assertThat(sheetPoll.run().detail()).isEqualTo("sheet unchanged since the last poll");

        partnerFeed.sheet(csv.replace(",12,12,", ",12,9,"));
        assertThat(sheetPoll.run().itemsProcessed()).isEqualTo(1);
    }

    @Test
    void aSheetThatDoesNotAnswerFailsTheJobAndDropsNothing() {
        partnerFeed.sheetFails(new IOException("GET sheet.partner.test/published.csv answered 503"));
        int objectsBefore = bucket.objects.size();

        assertThatThrownBy(sheetPoll::run).hasMessageContaining("answered 503");
        assertThat(bucket.objects).hasSize(objectsBefore);
        assertThat(partnerFeed.fetches).last().isEqualTo("sheet https://sheet.partner.test/published.csv");
    }

    @Test
    void theAutoFbaPullAppliesTheFeedWithTheConfiguredToken() throws Exception {
        String client = unique("C-");
        String store = unique("S-");
        partnerFeed.autoFba("""
                {"clients": [{"id": "%s", "name": "Pulled Co", "email": "p@example.com",
                              "updatedAt": "2026-11-20T10:00:00Z", "stores": ["%s"]}],
                 "stores": [{"id": "%s", "name": "Pulled US", "mutual": false, "updatedAt": "2026-11-20T10:00:00Z"}],
                 "entries": [{"id": "%s", "client": "%s", "kind": "DEPOSIT", "amount": 250.00,
                              "occurredAt": "2026-11-20T10:00:00Z"}]}""".formatted(client, store, store, unique("E-"), client));

        var outcome = autofbaPull.run();
        var again = autofbaPull.run();

        assertThat(outcome.detail()).isEqualTo("1 clients and 1 stores updated, 1 balance entries booked, 0 stale or repeated items ignored");
        assertThat(again.itemsProcessed()).isZero();
        long clientId = QuarkusTransaction.requiringNew().call(() -> fixture.id("alloc_client", client));
        assertThat(fixture.balance(clientId)).isEqualByComparingTo("250.00");
        assertThat(partnerFeed.fetches).last().isEqualTo("autofba https://autofba.partner.test/feed test-autofba-token");
    }

    @Test
    void anInvalidFeedFailsThePullNamingTheField() {
        partnerFeed.autoFba("""
                {"entries": [{"id": "x", "client": "y", "kind": "DEPOSIT", "amount": -5, "occurredAt": "2026-11-20T10:00:00Z"}]}""");

        assertThatThrownBy(autofbaPull::run).hasMessageContaining("amount");
    }

    byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    String sign(String secret, byte[] body) {
        return WebhookVerifier.signatureHeader(secret, TestClock.CLOCK.instant(), body);
    }

    @Test
    void aSignedUngatingWebhookIsAppliedOnceAndItsReplayRefused() {
        String store = fixture.tenant(null, false).storeExternalId();
        byte[] body = body("""
                [{"store": "%s", "asin": "%s", "status": "YES", "updatedAt": "2026-11-21T09:00:00Z"}]""".formatted(store, asin()));
        String signature = sign(UNGATING_SECRET, body);

        var result = webhooks.ungating(signature, body);

        assertThat(result.applied()).isEqualTo(1);
        assertThatThrownBy(() -> webhooks.ungating(signature, body)).isInstanceOf(DomainException.Unauthenticated.class)
                .hasMessageContaining("replay");
    }

    @Test
    void anUngatingUpdateForAStoreTheAutoFbaPanelNeverNamedIsRefusedAndCreatesNothing() {
        String known = fixture.tenant(null, false).storeExternalId();
        String unknown = unique("S-");
        String a = asin();
        byte[] body = body("""
                [{"store": "%s", "asin": "%s", "status": "YES", "updatedAt": "2026-11-21T09:00:00Z"},
                 {"store": "%s", "asin": "%s", "status": "YES", "updatedAt": "2026-11-21T09:00:00Z"}]"""
                .formatted(known, a, unknown, a));

        assertThatThrownBy(() -> webhooks.ungating(sign(UNGATING_SECRET, body), body))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("[1].store");
                    assertThat(e).hasMessageContaining(unknown);
                });
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select (select count(*) from alloc_store where external_id = ?)
                     + (select count(*) from ungating_history where asin = ?) n""", java.util.List.of(unknown, a),
                r -> r.getLong("n")).orElseThrow())).as("no store made up, not even the known store's update kept")
                .isZero();
    }

    @Test
    void unsignedWronglySignedOrStaleWebhooksAreRefused() {
        byte[] body = body("""
                {"store": "%s", "asin": "%s", "status": "NO", "updatedAt": "2026-11-21T09:00:00Z"}""".formatted(unique("S-"), asin()));

        assertThatThrownBy(() -> webhooks.ungating(null, body)).isInstanceOf(DomainException.Unauthenticated.class);
        assertThatThrownBy(() -> webhooks.ungating(sign("wrong-secret", body), body))
                .isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> webhooks.ungating(sign(AUTOFBA_SECRET, body), body))
                .as("another partner's secret").isInstanceOf(DomainException.Unauthenticated.class);
        String stale = WebhookVerifier.signatureHeader(UNGATING_SECRET, TestClock.CLOCK.instant().minus(Duration.ofMinutes(6)), body);
        assertThatThrownBy(() -> webhooks.ungating(stale, body)).hasMessageContaining("outside 300 s");
        byte[] tampered = body("""
                {"store": "x", "asin": "B000000000", "status": "YES", "updatedAt": "2026-11-21T09:00:00Z"}""");
        assertThatThrownBy(() -> webhooks.ungating(sign(UNGATING_SECRET, body), tampered))
                .isInstanceOf(DomainException.Unauthenticated.class);
    }

    @Test
    void aSignedButInvalidBodyNamesTheFieldAndCanBeSentAgainFixed() {
        String store = unique("S-");
        byte[] bad = body("""
                {"store": "%s", "asin": "%s", "status": "MAYBE", "updatedAt": "2026-11-21T09:00:00Z"}""".formatted(store, asin()));
        byte[] noAsin = body("""
                [{"store": "%s", "status": "YES", "updatedAt": "2026-11-21T09:00:00Z"}]""".formatted(store));

        assertThatThrownBy(() -> webhooks.ungating(sign(UNGATING_SECRET, bad), bad))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> webhooks.ungating(sign(UNGATING_SECRET, noAsin), noAsin))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("[0].asin"));
        String signature = sign(UNGATING_SECRET, noAsin);
        assertThatThrownBy(() -> webhooks.ungating(signature, noAsin)).isInstanceOf(DomainException.InvalidInput.class)
                .as("a refused delivery was not recorded as received");
    }

    @Test
    void aSignedAutoFbaWebhookUpdatesTheClient() {
        String client = unique("C-");
        byte[] body = body("""
                {"clients": [{"id": "%s", "name": "Hooked", "updatedAt": "2026-11-21T09:00:00Z", "stores": []}]}""".formatted(client));

        var applied = webhooks.autofba(sign(AUTOFBA_SECRET, body), body);

        assertThat(applied.clientsChanged()).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.one("select name from alloc_client where external_id = ?",
                List.of(client), r -> r.getString("name")).orElseThrow())).isEqualTo("Hooked");
    }
}
