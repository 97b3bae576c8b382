package io.loadout.functions.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.alert.Alert;
import io.loadout.alert.AlertRepository;
import io.loadout.alert.AlertSeverity;
import io.loadout.allocation.BalanceInsufficient;
import io.loadout.allocation.BalanceNegative;
import io.loadout.allocation.CartConfirmed;
import io.loadout.allocation.ClientRef;
import io.loadout.allocation.InvoiceNeeded;
import io.loadout.allocation.PalletKeptBack;
import io.loadout.allocation.PalletReady;
import io.loadout.allocation.PalletService;
import io.loadout.allocation.PreorderArrived;
import io.loadout.allocation.StoreRef;
import io.loadout.allocation.UngatingChanged;
import io.loadout.allocation.UngatingStatus;
import io.loadout.event.DomainEvent;
import io.loadout.event.EventEnvelope;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The allocation events, as the services emit them, mailed through a real SMTP peer and raised as alerts. */
@QuarkusTest
@WithFunction(value = FunctionType.FUNQY_CLOUD_EVENTS, functionName = "notify")
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class AllocationNotificationsTest {

    static final String ADMIN = "allocation@profitzon.net";
    static final StoreRef STORE = new StoreRef(7, "S-NOTIFY", "Notify Store", false);
    static final StoreRef MUTUAL = new StoreRef(8, "M-NOTIFY", "Shared Store", true);

    @Inject
    AlertRepository alerts;
    @Inject
    ObjectMapper json;
    @Inject
    AccountService accounts;

    private UUID deliver(DomainEvent event) throws Exception {
        var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), 1, Instant.parse("2026-11-21T10:00:00Z"),
                event.accountId(), json.valueToTree(event));
        String message = CloudEvents.pubSubMessage(CloudEvents.newId(), json.writeValueAsString(envelope),
                Map.of("type", event.type()));
        // as Pub/Sub does: a delivery that failed (an SMTP conversation that timed out) is delivered again
        int status = 0;
        for (int attempt = 0; attempt < 3 && status != 200; attempt++) {
            status = CloudEvents.deliverTo(null, CloudEvents.PUBSUB_PUBLISHED,
                    "//pubsub.googleapis.com/projects/p/topics/loadout-events", message).statusCode();
        }
        assertThat(status).isEqualTo(200);
        return envelope.id();
    }

    /** The one mail whose subject contains the text (GreenMail keeps a copy per recipient). */
    private static MimeMessage mail(String subjectPart) {
        var copies = new java.util.LinkedHashMap<String, MimeMessage>();
        for (var m : GreenMailResource.greenMail().getReceivedMessages()) {
            try {
                if (m.getSubject().contains(subjectPart)) {
                    copies.putIfAbsent(m.getMessageID(), m);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        var found = List.copyOf(copies.values());
        assertThat(found).as("mails about " + subjectPart + " among " + Arrays.stream(GreenMailResource.greenMail()
                .getReceivedMessages()).map(m -> {
                    try {
                        return m.getSubject();
                    } catch (Exception e) {
                        return "?";
                    }
                }).toList()).hasSize(1);
        return found.get(0);
    }

    private static List<String> recipients(MimeMessage mail) throws Exception {
        return Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList();
    }

    private Alert alert(UUID eventId) {
        var raised = QuarkusTransaction.requiringNew().call(() -> alerts.list("sourceEventId", eventId));
        assertThat(raised).hasSize(1);
        return raised.get(0);
    }

    private static ClientRef client(String name, String email, Long accountId) {
        return new ClientRef(11, "C-" + name, name, email, accountId);
    }

    /** A CLIENT login the allocation client is linked to. */
    private long login() {
        return accounts.create(new NewAccount("Client", "login-" + UUID.randomUUID() + "@example.com", Role.CLIENT)).id();
    }

    @Test
    void aConfirmedCartTellsTheClientAndTheAdminAndShowsOnTheClientsDashboard() throws Exception {
        long login = login();
        var id = deliver(new CartConfirmed(501, client("Acme Cart", "acme@example.com", login), STORE, 20,
                new BigDecimal("200.00"), new BigDecimal("1100.00")));
        var mail = mail("Allocated: 20 units for 200.00");
        assertThat(recipients(mail)).containsExactlyInAnyOrder("acme@example.com", ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("cart #501").contains("1100.00");
        assertThat(alert(id)).satisfies(a -> {
            assertThat(a.accountId()).isEqualTo(login);
            assertThat(a.code()).isEqualTo("allocation.cart.confirmed");
        });
    }

    @Test
    void aPartnerFeeThatTakesABalanceBelowZeroIsACriticalAlertAndAMailToTheAdmin() throws Exception {
        var id = deliver(new BalanceNegative(client("Fee Co", "fee@example.com", login()), new BigDecimal("-99900.00"),
                1, "autofba"));
        var mail = mail("Negative balance: Fee Co is at -99900.00");
        assertThat(recipients(mail)).containsExactly(ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("-99900.00").contains("C-Fee Co").contains("/ledger");
        assertThat(alert(id)).satisfies(a -> {
            assertThat(a.accountId()).isNull();
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.code()).isEqualTo("allocation.balance.negative");
        });
    }

    @Test
    void anInsufficientBalanceAsksTheAdminToRequestMoneyAndNamesTheSuggestion() throws Exception {
        var id = deliver(new BalanceInsufficient(client("Short Co", "short@example.com", login()), STORE, "cart #9",
                new BigDecimal("120.00"), new BigDecimal("50.00"), new BigDecimal("70.00"), 77L, MUTUAL));
        var mail = mail("Request balance: Short Co is 70.00 short");
        assertThat(recipients(mail)).containsExactly(ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("Shared Store").contains("suggestion #77")
                .contains("short@example.com");
        assertThat(alert(id)).satisfies(a -> {
            assertThat(a.accountId()).isNull();
            assertThat(a.severity().name()).isEqualTo("WARNING");
            assertThat(a.detail()).contains("transfer-suggestions/77/accept");
        });
    }

    @Test
    void ungatingNewsAndInvoiceNeededGoToTheAdmin() throws Exception {
        var changed = deliver(new UngatingChanged("ungating-software", 2, 1, List.of(
                new UngatingChanged.Change("S-NOTIFY", "B0NOTIFY01", UngatingStatus.YES),
                new UngatingChanged.Change("S-NOTIFY", "B0NOTIFY02", UngatingStatus.INVOICE_NEEDED))));
        assertThat(GreenMailUtil.getBody(mail("Ungating: 2 changes from ungating-software")))
                .contains("B0NOTIFY01").contains("B0NOTIFY02").contains("1 older update");
        assertThat(alert(changed).detail()).isEqualTo("S-NOTIFY/B0NOTIFY01 YES, S-NOTIFY/B0NOTIFY02 INVOICE_NEEDED");

        var invoice = deliver(new InvoiceNeeded(31, "S-NOTIFY", "Notify Store", "B0NOTIFY02"));
        assertThat(recipients(mail("Invoice needed: B0NOTIFY02 at Notify Store"))).containsExactly(ADMIN);
        assertThat(alert(invoice).detail()).contains("admin task #31");
    }

    @Test
    void preorderArrivalsTellTheClientWhetherTheUnitsAreAllocated() throws Exception {
        var allocated = deliver(new PreorderArrived(61, client("Pre Co", "pre@example.com", null), STORE, "B0NOTIFY03", 5,
                true, new BigDecimal("40.00"), null));
        assertThat(recipients(mail("Preorder #61 arrived: 5 × B0NOTIFY03 allocated")))
                .containsExactlyInAnyOrder("pre@example.com", ADMIN);
        assertThat(alert(allocated).severity().name()).isEqualTo("INFO");

        var waiting = deliver(new PreorderArrived(62, client("Pre Co", null, null), STORE, "B0NOTIFY03", 5, false,
                BigDecimal.ZERO, "the balance is 10.00 short of the balance due 40.00"));
        var mail = mail("Preorder #62 arrived: 5 × B0NOTIFY03 waiting");
        assertThat(recipients(mail)).containsExactly(ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("10.00 short");
        assertThat(alert(waiting).severity().name()).isEqualTo("WARNING");
    }

    @Test
    void aFullPalletIsAnnounced() throws Exception {
        long login = login();
        var id = deliver(new PalletReady(71, "PL-000071", client("Pallet Co", "pallet@example.com", login), STORE, 180,
                new BigDecimal("0.9300"), new BigDecimal("0.4100"), new BigDecimal("1000.00")));
        var mail = mail("Full pallet ready: PL-000071 for Notify Store");
        assertThat(recipients(mail)).containsExactlyInAnyOrder("pallet@example.com", ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("/api/allocation/pallets/71/ship");
        assertThat(alert(id).accountId()).isEqualTo(login);
    }

    @Test
    void aKeptBackPalletTellsTheAdminWhyPerLineOnceWhileItsAlertIsOpen() throws Exception {
        var kept = List.of(new PalletService.KeptBack(9, 0.41, 0.22, 0.3, 20000, 600, List.of(
                new PalletService.HeldUnits(901, "B0KEPT0001", 5, "ships at 21.40 a unit, 6.40 over its max 15.00"),
                new PalletService.HeldUnits(902, "B0KEPT0002", 4, "ships at 9.10 a unit, within its max 12.00"))));
        var client = client("Kept Co", "kept@example.com", login());
        String key = PalletKeptBack.TYPE + ":11:7:" + UUID.randomUUID();
        var first = deliver(new PalletKeptBack(client, STORE, kept, key));
        var mail = mail("Kept back: 9 units of Kept Co for Notify Store");
        assertThat(recipients(mail)).as("the admin decides").containsExactly(ADMIN);
        assertThat(GreenMailUtil.getBody(mail)).contains("B0KEPT0001").contains("6.40 over its max 15.00")
                .contains("within its max 12.00");
        assertThat(alert(first)).satisfies(a -> {
            assertThat(a.accountId()).isNull();
            assertThat(a.detail()).contains("5 × B0KEPT0001: ships at 21.40 a unit, 6.40 over its max 15.00");
        });

        var again = deliver(new PalletKeptBack(client, STORE, kept, key));

        assertThat(QuarkusTransaction.requiringNew().call(() -> alerts.list("sourceEventId", again)))
                .as("the same kept-back plan while the first alert is open").isEmpty();
        mail("Kept back: 9 units of Kept Co for Notify Store"); // still the one mail
    }
}
