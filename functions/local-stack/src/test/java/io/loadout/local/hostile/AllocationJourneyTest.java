package io.loadout.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.local.LocalConfig;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client's allocation as an operator drives it through the running stack (HTTP, the bucket folder, the event
 * relay, the notifier, real SMTP): alerts raised before the client's login existed reach it once linked; drafts
 * regenerated again and again announce nothing; top-ups wait for the admin's word; the confirmed full pallet is
 * announced exactly once, by alert and by mail. Lives beside the seeding steps it shares with the hostile suites.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class AllocationJourneyTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountService accounts;
    @Inject
    LocalConfig config;

    @Test
    void draftsAnnounceNothingTopUpsNeedTheAdminAndTheConfirmedPalletIsAnnouncedOnceToTheLinkedLogin()
            throws Exception {
        var admin = accounts.create(new NewAccount("Journey operator", "journey-operator@test.local", Role.ADMIN));
        String adminToken = accounts.issueToken(admin.id(), new NewToken("journey", null)).secret().value();
        var api = new Api(URI.create(base.toString()));
        var seeds = new Seeds(api, adminToken);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String asinA = "BJ" + tag + "A1";
        String asinB = "BJ" + tag + "B1";
        // 40 lb units: a pallet is full by weight (2,200 lb, full at 90 %) whatever the packer does with the room
        seeds.heavyBuyingSheet(config.bucketDir(), "journey", "40.0", "40.00", asinA, asinB);
        seeds.partnerClient("C-J" + tag, "Journey " + tag, "journey-" + tag + "@example.com", "S-J" + tag,
                "Journey store " + tag, "M-J" + tag, "9000.00");
        long client = seeds.clientId("C-J" + tag);
        long store = seeds.storeId("S-J" + tag);
        seeds.ungated("S-J" + tag, asinA, asinB);

        // 45 units at 5.00: 1,800 lb, 82 % of the pallet's weight, so generation proposes top-ups
        long cart = api.post(adminToken, "/api/allocation/carts/generate",
                "{\"clientId\":%d,\"storeId\":%d,\"amount\":\"225.00\"}".formatted(client, store), 201)
                .path("cart").path("id").asLong();
        api.post(adminToken, "/api/allocation/carts/" + cart + "/confirm", null, 200);
        var login = seeds.login("Journey login " + tag, "journey-login-" + tag + "@example.com");
        eventually(() -> titles(api, adminToken).stream().anyMatch(t -> t.startsWith("Allocated: 45 units")));
        assertThat(titles(api, login.token())).as("not linked yet").isEmpty();

        seeds.link(client, login.accountId());

        assertThat(titles(api, login.token())).as("the cart's alert, raised before the link")
                .anyMatch(t -> t.startsWith("Allocated: 45 units"));

        var drafts = new ArrayList<Long>();
        JsonNode generated = null;
        for (int i = 0; i < 4; i++) {
            generated = api.post(adminToken, "/api/allocation/pallets/generate",
                    "{\"clientId\":%d,\"storeId\":%d}".formatted(client, store), 201);
            drafts.add(generated.path("pallets").get(0).path("id").asLong());
        }
        long pallet = drafts.get(drafts.size() - 1);
        String code = generated.path("pallets").get(0).path("code").asText();
        assertThat(generated.path("pallets").get(0).path("topUpGoods").decimalValue()).as(generated.toString()).isPositive();
        assertThat(generated.path("pallets").get(0).path("weightFill").decimalValue()).as(generated.toString())
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("0.90"));
        var refused = api.raw("POST", adminToken, "/api/allocation/pallets/" + pallet + "/confirm", null, null, null);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("acceptTopUps");

        api.post(adminToken, "/api/allocation/pallets/" + pallet + "/confirm?acceptTopUps=true", null, 200);

        String ready = "Full pallet ready: " + code + " for Journey store " + tag;
        eventually(() -> titles(api, login.token()).contains(ready));
        assertThat(titles(api, adminToken)).as("one announcement, none for the %d replaced drafts", drafts.size() - 1)
                .filteredOn(t -> t.startsWith("Full pallet ready") && t.endsWith("Journey store " + tag))
                .containsExactly(ready);
        eventually(() -> mails(ready) > 0);
        assertThat(mails(ready)).as("one mail (one copy per recipient)").isEqualTo(2);
        String manifest = new String(api.raw("GET", adminToken, "/api/allocation/pallets/" + pallet + "/manifest.csv",
                null, null, null).body(), StandardCharsets.UTF_8);
        assertThat(manifest.lines().skip(1)).as("the manifest keeps which units were top-ups")
                .anyMatch(l -> l.endsWith(",true")).anyMatch(l -> l.endsWith(",false"));
    }

    private static List<String> titles(Api api, String token) {
        var titles = new ArrayList<String>();
        api.get(token, "/api/ops/alerts?limit=500").path("items").forEach(a -> titles.add(a.path("title").asText()));
        return titles;
    }

    private static long mails(String subject) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(subject)).count();
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 30 s");
    }
}
