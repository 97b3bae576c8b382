package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.shared.DomainException;
import io.loadout.shipping.Parcel;
import io.loadout.shipping.ServiceType;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Orders: totals from the server, stock with the order (the race for the last units), payments, cancelling. */
@QuarkusTest
class OrdersTest {

    @Inject
    AccountService accounts;
    @Inject
    CustomerService customers;
    @Inject
    ItemService items;
    @Inject
    Items itemRows;
    @Inject
    OrderService orders;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager em;

    Caller seller;
    long customerId;
    long mugId;

    Instant clockAtStart;

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(clockAtStart);
    }

    @BeforeEach
    void aSellerWithACustomerAndAnItem() {
        clockAtStart = TestClock.CLOCK.instant();
        long account = accounts.create(new NewAccount("Shopper", UUID.randomUUID() + "@sellers.test", Role.CLIENT)).id();
        seller = new Caller(account, Role.CLIENT);
        customerId = customers.create(seller, new NewCustomer("Ana", "ana@example.com", null, null, Map.of(), null)).id();
        mugId = items.create(seller, new NewItem("MUG", "Mug", new BigDecimal("19.99"), 5, true)).id();
    }

    /** 3 mugs at the item's 19.99 = 59.97, a free line 2 × 7.50 = 15.00, shipping 4.95: 79.92 (worked by hand). */
    NewOrder threeMugsAndWrapping(String number) {
        return new NewOrder(customerId, number, List.of(new NewLine(mugId, null, 3, null),
                new NewLine(null, "Gift wrapping", 2, new BigDecimal("7.50"))), new BigDecimal("4.95"), "fragile");
    }

    @Test
    void changingAPendingOrdersLinesMovesOnlyTheDifferenceOfStockAndComputesTheTotalsAgain() {
        var order = orders.place(seller, threeMugsAndWrapping(null)); // 3 of the 5 mugs: 2 left, total 79.92
        long jarId = items.create(seller, new NewItem("JAR", "Jar", new BigDecimal("4.00"), 3, true)).id();
        orders.pay(seller, order.id(), new NewPayment(new BigDecimal("30.00"), null, null, null, null));

        // 1 mug (19.99) + 2 jars (8.00) + shipping 4.95 = 32.94, worked by hand
        var changed = orders.changeLines(seller, order.id(), new OrdersCommands.NewLines(List.of(
                new NewLine(mugId, null, 1, null), new NewLine(jarId, null, 2, null))));
        assertThat(changed.total()).hasToString("32.94");
        assertThat(changed.lines()).extracting(l -> l.description() + " " + l.lineTotal())
                .containsExactly("Mug 19.99", "Jar 8.00");
        assertThat(changed.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(stockOfTheMug()).as("two mugs back").isEqualTo(4);
        assertThat(items.get(seller, jarId).stock()).isEqualTo(1);

        assertThatThrownBy(() -> orders.changeLines(seller, order.id(), new OrdersCommands.NewLines(List.of(
                new NewLine(mugId, null, 1, null), new NewLine(jarId, null, 5, null)))))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("lines[1].quantity"));
        assertThatThrownBy(() -> orders.changeLines(seller, order.id(), new OrdersCommands.NewLines(List.of(
                new NewLine(null, "Card", 1, new BigDecimal("1.00"))))))
                .as("30.00 paid is more than 1.00 + 4.95").isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.field()).isEqualTo("lines"));
        assertThat(stockOfTheMug()).as("nothing of a refused change stays").isEqualTo(4);
        assertThat(items.get(seller, jarId).stock()).isEqualTo(1);
        assertThat(orders.get(seller, order.id()).total()).hasToString("32.94");
    }

    @Test
    void theServerComputesTheTotalsAndTheItemUnitsLeaveStockWithTheOrder() {
        var order = orders.place(seller, threeMugsAndWrapping(null));

        assertThat(order.lines()).extracting(l -> l.description() + " " + l.lineTotal())
                .containsExactly("Mug 59.97", "Gift wrapping 15.00");
        assertThat(order.goodsTotal()).hasToString("74.97");
        assertThat(order.total()).hasToString("79.92");
        assertThat(order.number()).isEqualTo("L-" + order.id());
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.UNPAID);
        assertThat(order.outstanding()).hasToString("79.92");
        assertThat(stockOfTheMug()).isEqualTo(2);
        assertThat(transport.ofType(OrderPlaced.TYPE)).map(e -> e.payloadAs(OrderPlaced.class, json))
                .contains(new OrderPlaced(order.id(), seller.accountId(), customerId, order.number(),
                        new BigDecimal("79.92")));
    }

    @Test
    void partialPaymentsAddUpAndOverPaymentNeedsCredit() {
        var order = orders.place(seller, threeMugsAndWrapping("A-1"));

        var first = orders.pay(seller, order.id(), new NewPayment(new BigDecimal("50.00"), null, "bank", "T1", null));
        assertThat(first.order().paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(first.order().outstanding()).hasToString("29.92");
        assertThatThrownBy(() -> orders.pay(seller, order.id(), new NewPayment(new BigDecimal("30.00"), null, null, null,
                null))).isInstanceOfSatisfying(DomainException.Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("29.92 outstanding");
                });
        var withCredit = orders.pay(seller, order.id(), new NewPayment(new BigDecimal("30.00"), null, null, null, true));
        assertThat(withCredit.order().paid()).hasToString("80.00");
        assertThat(withCredit.order().paymentStatus()).isEqualTo(PaymentStatus.REMITTED);
        assertThat(withCredit.order().outstanding()).hasToString("0.00");
    }

    @Test
    void markRemittedRecordsWhatIsOutstandingOnce() {
        var order = orders.place(seller, threeMugsAndWrapping("A-2"));
        orders.pay(seller, order.id(), new NewPayment(new BigDecimal("10.00"), null, null, null, null));

        var remitted = orders.markRemitted(seller, order.id());

        assertThat(remitted.payment().amount()).hasToString("69.92");
        assertThat(remitted.order().paymentStatus()).isEqualTo(PaymentStatus.REMITTED);
        assertThatThrownBy(() -> orders.markRemitted(seller, order.id()))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("paymentStatus"));
    }

    @Test
    void cancellingReturnsTheUnitsOnceAndTakesNoMorePayments() {
        var order = orders.place(seller, threeMugsAndWrapping("A-3"));
        assertThat(stockOfTheMug()).isEqualTo(2);

        assertThat(orders.cancel(seller, order.id()).status()).isEqualTo(OrderStatus.CANCELLED);

        assertThat(stockOfTheMug()).isEqualTo(5);
        assertThatThrownBy(() -> orders.cancel(seller, order.id()))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(stockOfTheMug()).isEqualTo(5);
        assertThatThrownBy(() -> orders.pay(seller, order.id(), new NewPayment(BigDecimal.ONE, null, null, null, null)))
                .isInstanceOf(DomainException.Conflict.class);
    }

    static Parcel parcel() {
        return new Parcel(1250, new BigDecimal("30.0"), new BigDecimal("20.0"), new BigDecimal("10.5"), "SW1A 1AA",
                "M1 1AE", false, ServiceType.EXPRESS);
    }

    @Test
    void shippingAnOrderRecordsItsTrackingAndItsShipmentThenItIsDelivered() {
        var order = orders.place(seller, threeMugsAndWrapping("A-5"));
        TestClock.CLOCK.advance(Duration.ofHours(3));
        Instant shippedAt = TestClock.CLOCK.instant();

        var shipped = orders.ship(seller, order.id(), new ShipOrder("Royal Mail", " RM123456785GB ",
                "https://track.example/RM123456785GB", parcel()));

        assertThat(shipped.order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.order().shippedAt()).isEqualTo(shippedAt);
        assertThat(shipped.order().trackingId()).isEqualTo("RM123456785GB");
        // 3 mugs + 2 wrappings = 5 units; the invoice total is the order's 79.92
        assertThat(List.of(shipped.shipment().itemsCount(), shipped.shipment().invoiceTotal().toPlainString(),
                shipped.shipment().orderReference(), shipped.shipment().declaredWeightGrams()))
                .containsExactly(5, "79.92", "A-5", 1250);
        assertThat(shipped.shipment().courier()).isEqualTo("Royal Mail");
        assertThatThrownBy(() -> orders.cancel(seller, order.id()))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));

        var delivered = orders.deliver(seller, order.id());
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThatThrownBy(() -> orders.deliver(seller, order.id())).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void aTrackingIdNamesOneParcelPerCourier() {
        var first = orders.place(seller, threeMugsAndWrapping("A-6"));
        var second = orders.place(seller, new NewOrder(customerId, "A-7", List.of(new NewLine(null, "Box", 1,
                BigDecimal.TEN)), null, null));
        orders.ship(seller, first.id(), new ShipOrder("DPD", "15501234567890", null, parcel()));

        assertThatThrownBy(() -> orders.ship(seller, second.id(), new ShipOrder("DPD", "15501234567890", null, parcel())))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("trackingId"));
        assertThat(orders.get(seller, second.id()).status()).as("nothing of the refused shipping stays")
                .isEqualTo(OrderStatus.PENDING);
        assertThat(orders.ship(seller, second.id(), new ShipOrder("Evri", "15501234567890", null, parcel()))
                .shipment().courier()).isEqualTo("Evri");
    }

    @Test
    void bulkRemitAndShipAreAllOrNothingAndNameTheRefusedItem() {
        var a = orders.place(seller, threeMugsAndWrapping("B-1"));
        var b = orders.place(seller, new NewOrder(customerId, "B-2", List.of(new NewLine(null, "Box", 1,
                new BigDecimal("12.00"))), null, null));
        var cancelled = orders.place(seller, new NewOrder(customerId, "B-3", List.of(new NewLine(null, "Box", 1,
                BigDecimal.ONE)), null, null));
        orders.cancel(seller, cancelled.id());

        assertThatThrownBy(() -> orders.markRemittedAll(seller, List.of(a.id(), cancelled.id(), b.id())))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.field()).isEqualTo("items[1].status"));
        assertThat(orders.get(seller, a.id()).paymentStatus()).as("nothing of a refused bulk call stays")
                .isEqualTo(PaymentStatus.UNPAID);
        assertThatThrownBy(() -> orders.markRemittedAll(seller, List.of(a.id(), 987654321L)))
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.field()).isEqualTo("items[1].orderId"));
        assertThat(orders.markRemittedAll(seller, List.of(a.id(), b.id()))).extracting(p -> p.payment().amount())
                .extracting(BigDecimal::toPlainString).containsExactly("79.92", "12.00");

        assertThatThrownBy(() -> orders.shipAll(seller, List.of(
                new OrderService.OrderToShip(a.id(), new ShipOrder("DPD", "BULK-1", null, parcel())),
                new OrderService.OrderToShip(b.id(), new ShipOrder("DPD", "BULK-1", null, parcel())))))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.field()).isEqualTo("items[1].trackingId"));
        assertThat(orders.get(seller, a.id()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(orders.shipAll(seller, List.of(
                new OrderService.OrderToShip(a.id(), new ShipOrder("DPD", "BULK-1", null, parcel())),
                new OrderService.OrderToShip(b.id(), new ShipOrder("DPD", "BULK-2", null, parcel())))))
                .extracting(s -> s.order().status()).containsExactly(OrderStatus.SHIPPED, OrderStatus.SHIPPED);
    }

    @Test
    void refusalsNameTheirFieldAndLeaveStockAlone() {
        orders.place(seller, threeMugsAndWrapping("A-4"));
        long otherSeller = accounts.create(new NewAccount("Other", UUID.randomUUID() + "@sellers.test", Role.CLIENT)).id();
        var other = new Caller(otherSeller, Role.CLIENT);
        long theirCustomer = customers.create(other, new NewCustomer("Bo", null, null, null, Map.of(), null)).id();

        assertThatThrownBy(() -> orders.place(seller, threeMugsAndWrapping("A-4")))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("number"));
        assertThatThrownBy(() -> orders.place(seller, new NewOrder(theirCustomer, null,
                List.of(new NewLine(mugId, null, 1, null)), null, null)))
                .isInstanceOfSatisfying(DomainException.NotFound.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> orders.place(seller, new NewOrder(customerId, null, List.of(new NewLine(mugId, null, 1,
                null), new NewLine(mugId, null, 2, null)), null, null)))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].quantity"));
        assertThatThrownBy(() -> orders.place(seller, new NewOrder(customerId, null, List.of(new NewLine(null, "Box", 1,
                null)), null, null)))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].unitPrice"));
        assertThatThrownBy(() -> orders.get(other, orders.place(seller, new NewOrder(customerId, null,
                List.of(new NewLine(null, "Box", 1, BigDecimal.TEN)), null, null)).id()))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> orders.place(seller, new NewOrder(customerId, null, List.of(), null, null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString()).containsExactly("place.cmd.lines"));
        assertThat(stockOfTheMug()).isEqualTo(2); // only the first order's 3 left stock
    }

    /** 50 orders at once for the last 10 units, one unit each: 10 are placed, 40 told how many are left. */
    @Test
    void fiftyConcurrentOrdersForTheLastTenUnitsSellExactlyTen() throws Exception {
        long last = items.create(seller, new NewItem("LAST-10", "Last ten", new BigDecimal("9.99"), 10, true)).id();
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        var outcomes = new ArrayList<CompletableFuture<String>>();
        try {
            for (int i = 0; i < 50; i++) {
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    try {
                        orders.place(seller, new NewOrder(customerId, null, List.of(new NewLine(last, null, 1, null)),
                                null, null));
                        return "placed";
                    } catch (DomainException.Conflict refused) {
                        return refused.field().equals("lines[0].quantity") ? "refused" : "misnamed " + refused.field();
                    }
                }, pool));
            }
            start.countDown();
            var results = new ArrayList<String>();
            for (var outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).filteredOn("placed"::equals).hasSize(10);
            assertThat(results).filteredOn("refused"::equals).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> itemRows.find(seller.accountId(), last)).orElseThrow()
                .stock()).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from order_line where item_id = ?1").setParameter(1, last).getSingleResult()))
                .isEqualTo(10L);
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int stockOfTheMug() {
        return QuarkusTransaction.requiringNew()
                .call(() -> itemRows.find(seller.accountId(), mugId)).orElseThrow().stock();
    }
}
