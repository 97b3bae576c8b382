package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.event.EventEnvelope;
import io.loadout.notification.NotificationService;
import io.loadout.orders.BuyerPages.BuyerPage;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.shared.DomainException;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shipping.Parcel;
import io.loadout.shipping.ServiceType;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.RecordingMailSender;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buyer links: one buyer's orders only, dead after rotation, revocation and expiry, stored hashed, mailed once. */
@QuarkusTest
class BuyerLinksTest {

    @Inject
    AccountService accounts;
    @Inject
    CustomerService customers;
    @Inject
    OrderService orders;
    @Inject
    BuyerLinkService links;
    @Inject
    BuyerService buyers;
    @Inject
    NotificationService notifier;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    RecordingMailSender mail;
    @Inject
    ObjectMapper json;
    @Inject
    Sql sql;

    Caller seller;
    Caller otherSeller;
    String email;
    long ana;
    long bo;
    Instant clockAtStart;

    @BeforeEach
    void aSellerWithTwoBuyersAndAnotherSellerWithTheSameAddress() {
        clockAtStart = TestClock.CLOCK.instant();
        seller = client("Corner Shop");
        otherSeller = client("Other Shop");
        email = "ana-" + UUID.randomUUID().toString().substring(0, 8) + "@buyers.test";
        ana = customers.create(seller, new NewCustomer("Ana", email, null, "1 Main St",
                Map.of("instagram", "@ana_private"), "SELLER-NOTE-ana")).id();
        bo = customers.create(seller, new NewCustomer("Bo", "bo-" + email, null, null, Map.of(), null)).id();
        long theirAna = customers.create(otherSeller, new NewCustomer("Ana elsewhere", email, null, null, Map.of(), null)).id();
        order(seller, ana, "A-1", "10.00", "ORDER-NOTE-a1");
        order(seller, ana, "A-2", "25.50", null);
        order(seller, bo, "B-1", "99.00", null);
        order(otherSeller, theirAna, "X-1", "7.00", null);
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(clockAtStart);
    }

    private Caller client(String name) {
        return new Caller(accounts.create(new NewAccount(name, UUID.randomUUID() + "@sellers.test", Role.CLIENT)).id(),
                Role.CLIENT);
    }

    private OrdersViews.OrderView order(Caller who, long customer, String number, String price, String notes) {
        return orders.place(who, new NewOrder(customer, number, List.of(new NewLine(null, "Parcel " + number, 1,
                new BigDecimal(price))), null, notes));
    }

    private BuyerPage page(String token) {
        return buyers.page(token, PageRequest.first(50));
    }

    private static final String DEAD = "this link does not open any orders";

    @Test
    void aLinkShowsItsBuyersOrdersWithItsSellerAndNothingPrivate() throws Exception {
        var issued = links.rotate(seller, ana);
        assertThat(issued.url()).endsWith("#" + issued.secret().value());
        assertThat(issued.secret().value()).startsWith("lbl_").hasSize(4 + 43); // 256 bits, base64url

        var page = page(issued.secret().value());
        assertThat(page.buyerName()).isEqualTo("Ana");
        assertThat(page.sellerName()).isEqualTo("Corner Shop");
        assertThat(page.orders().items()).extracting(BuyerPages.BuyerOrder::number).containsExactly("A-2", "A-1");
        assertThat(page.totals().outstanding()).isEqualByComparingTo("35.50");
        var first = buyers.page(issued.secret().value(), PageRequest.first(1));
        var second = buyers.page(issued.secret().value(), new PageRequest(first.orders().nextBefore(), 1));
        assertThat(first.orders().items()).extracting(BuyerPages.BuyerOrder::number).containsExactly("A-2");
        assertThat(second.orders().items()).extracting(BuyerPages.BuyerOrder::number).containsExactly("A-1");
        assertThat(second.orders().nextBefore()).isNull();
        assertThat(second.totals()).isEqualTo(page.totals());
        String shown = json.writeValueAsString(page);
        assertThat(shown).doesNotContain("SELLER-NOTE", "ORDER-NOTE", "ana_private", "1 Main St", email, "B-1", "X-1");
    }

    @Test
    void rotationRevocationAndExpiryEachLeaveTheOldLinkOpeningNothing() {
        String first = links.rotate(seller, ana).secret().value();
        String second = links.rotate(seller, ana).secret().value();
        assertThatThrownBy(() -> page(first)).isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining(DEAD);
        assertThat(page(second).orders().items()).hasSize(2);

        assertThat(links.revoke(seller, ana).live()).isEmpty();
        assertThatThrownBy(() -> page(second)).isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining(DEAD);

        String third = links.rotate(seller, ana).secret().value();
        TestClock.CLOCK.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(page(third).orders().items()).hasSize(2);
        TestClock.CLOCK.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> page(third)).isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining(DEAD);

        String forged = "lbl_" + "A".repeat(43);
        assertThatThrownBy(() -> page(forged)).isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining(DEAD);
        assertThatThrownBy(() -> page(null)).isInstanceOf(DomainException.Unauthenticated.class).hasMessageContaining(DEAD);
        assertThatThrownBy(() -> links.rotate(otherSeller, ana)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void onlyTheSecretsSha256IsStoredAndViewsAreNoted() throws Exception {
        var issued = links.rotate(seller, ana);
        String secret = issued.secret().value();
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(StandardCharsets.UTF_8)));
        var row = QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select encode(token_hash, 'hex') as hash, b::text as whole from buyer_link b where id = ?",
                List.of(issued.link().id()), r -> List.of(r.getString("hash"), r.getString("whole"))).orElseThrow());
        assertThat(row.get(0)).isEqualTo(expectedHash);
        assertThat(row.get(1)).doesNotContain(secret.substring(4));
        assertThat(issued.toString()).doesNotContain(secret.substring(4));

        assertThat(links.status(seller, ana).lastViewedAt()).isNull();
        page(secret);
        assertThat(links.status(seller, ana).lastViewedAt()).isEqualTo(TestClock.CLOCK.instant());
    }

    @Test
    void emailMeMyLinkAnswersAlikeForAnyAddressIsRateLimitedAndMailsALinkThatWorks() {
        String stranger = "nobody-" + UUID.randomUUID() + "@buyers.test";
        int before = transport.ofType(BuyerLinkRequested.TYPE).size();
        buyers.requestLink(new BuyerService.LinkRequest(seller.accountId(), email.toUpperCase()));
        buyers.requestLink(new BuyerService.LinkRequest(seller.accountId(), stranger));
        var requested = transport.ofType(BuyerLinkRequested.TYPE);
        assertThat(requested).hasSize(before + 1);
        assertThat(requested.get(requested.size() - 1).payloadAs(BuyerLinkRequested.class, json).buyer().customerId())
                .isEqualTo(ana);

        for (int i = 0; i < 4; i++) {
            buyers.requestLink(new BuyerService.LinkRequest(seller.accountId(), stranger));
        }
        assertThatThrownBy(() -> buyers.requestLink(new BuyerService.LinkRequest(seller.accountId(), stranger)))
                .isInstanceOfSatisfying(DomainException.RateLimited.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.retryAfterSeconds()).isBetween(1L, 600L);
                });
        TestClock.CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        buyers.requestLink(new BuyerService.LinkRequest(seller.accountId(), stranger));

        mail.sent.clear();
        assertThat(notifier.handle(requested.get(requested.size() - 1))).isTrue();
        assertThat(mail.sent).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(email);
            assertThat(m.template()).isEqualTo("orders-buyer-link");
            String url = (String) m.data().get("link");
            assertThat(page(url.substring(url.indexOf('#') + 1)).buyerName()).isEqualTo("Ana");
        });
    }

    @Test
    void shippingMailsTheTrackingAndAFreshLinkWhileEarlierLinksKeepWorking() {
        String earlier = links.rotate(seller, ana).secret().value();
        var order = order(seller, ana, "A-3", "40.00", null);
        orders.pay(seller, order.id(), new NewPayment(new BigDecimal("15.00"), null, "cash", null, null));
        orders.ship(seller, order.id(), new ShipOrder("DPD", "DPD-" + UUID.randomUUID(), "https://track.example/x",
                new Parcel(800, new BigDecimal("20.0"), new BigDecimal("10.0"), new BigDecimal("5.0"), "E1", "M1",
                        false, ServiceType.STANDARD)));
        mail.sent.clear();
        for (String type : List.of(PaymentRecorded.TYPE, OrderShipped.TYPE)) {
            EventEnvelope last = transport.ofType(type).get(transport.ofType(type).size() - 1);
            assertThat(notifier.handle(last)).isTrue();
            assertThat(notifier.handle(last)).as("a redelivery mails nothing").isFalse();
        }
        assertThat(mail.sent).extracting(m -> m.template()).containsExactly("orders-payment-received", "orders-shipped");
        var paid = (PaymentRecorded) mail.sent.get(0).data().get("payment");
        assertThat(paid.outstanding()).isEqualByComparingTo("25.00");
        String url = (String) mail.sent.get(1).data().get("link");
        var shownByMail = page(url.substring(url.indexOf('#') + 1));
        assertThat(shownByMail.orders().items().get(0).trackingUrl()).isEqualTo("https://track.example/x");
        assertThat(page(earlier).orders().items()).hasSize(3);
    }
}
