package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.orders.OrderQueries.OrderRow;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seller's order table: filters, keyset pages, counts per status for the same filter, one seller only. */
@QuarkusTest
class OrderListTest {

    @Inject
    AccountService accounts;
    @Inject
    CustomerService customers;
    @Inject
    OrderService orders;
    @Inject
    OrderQueries queries;
    @Inject
    BuyerSummary summary;

    Caller seller;
    long ana;
    long bo;
    /** Mixed orders: Ana's unpaid, partly paid and cancelled one, Bo's remitted one. */
    long anaUnpaid;
    long anaPartly;
    long anaCancelled;
    long boRemitted;

    Caller seller(String name) {
        long id = accounts.create(new NewAccount(name, UUID.randomUUID() + "@sellers.test", Role.CLIENT)).id();
        return new Caller(id, Role.CLIENT);
    }

    long order(long customerId, String amount) {
        return orders.place(seller, new NewOrder(customerId, null, List.of(new NewLine(null, "Parcel", 1,
                new BigDecimal(amount))), null, null)).id();
    }

    @BeforeEach
    void mixedOrders() {
        seller = seller("Lister");
        ana = customers.create(seller, new NewCustomer("Ana Silva", "ana@example.com", null, null, Map.of(), null)).id();
        bo = customers.create(seller, new NewCustomer("Bo Lee", "bo@example.com", null, null, Map.of(), null)).id();
        anaUnpaid = order(ana, "10.00");
        anaPartly = order(ana, "20.00");
        orders.pay(seller, anaPartly, new NewPayment(new BigDecimal("5.00"), null, null, null, null));
        anaCancelled = order(ana, "30.00");
        orders.cancel(seller, anaCancelled);
        boRemitted = order(bo, "40.00");
        orders.markRemitted(seller, boRemitted);
        // another seller's order with a customer of the same name: never in this seller's table
        var other = seller("Other");
        long theirAna = customers.create(other, new NewCustomer("Ana Silva", "ana@example.com", null, null, Map.of(),
                null)).id();
        orders.place(other, new NewOrder(theirAna, null, List.of(new NewLine(null, "X", 1, BigDecimal.ONE)), null, null));
    }

    List<Long> ids(OrderFilter filter) {
        var all = new ArrayList<Long>();
        Long before = null;
        do { // two rows a page: the keyset walk must neither skip nor repeat
            var page = queries.list(seller, filter, new PageRequest(before, 2));
            page.items().stream().map(OrderRow::id).forEach(all::add);
            before = page.nextBefore();
        } while (before != null);
        return all;
    }

    @Test
    void filtersNarrowTheTableNewestFirstAndPagesWalkItWhole() {
        assertThat(ids(OrderFilter.any())).containsExactly(boRemitted, anaCancelled, anaPartly, anaUnpaid);
        assertThat(ids(new OrderFilter(ana, null, null, null, null, null)))
                .containsExactly(anaCancelled, anaPartly, anaUnpaid);
        assertThat(ids(new OrderFilter(null, OrderStatus.PENDING, PaymentStatus.UNPAID, null, null, null)))
                .containsExactly(anaUnpaid);
        assertThat(ids(new OrderFilter(null, null, null, null, null, "BO@EXAMPLE"))).containsExactly(boRemitted);
        assertThat(ids(new OrderFilter(null, null, null, null, null, "L-" + anaPartly))).containsExactly(anaPartly);
        var partly = queries.list(seller, new OrderFilter(null, null, PaymentStatus.PARTIALLY_PAID, null, null, null),
                PageRequest.first(50)).items();
        assertThat(partly).singleElement().satisfies(row -> {
            assertThat(row.customerName()).isEqualTo("Ana Silva");
            assertThat(row.outstanding()).hasToString("15.00");
        });
    }

    /**
     * Ana: 10.00 unpaid and 20.00 with 5.00 paid (her cancelled 30.00 left out) = 2 orders, 2 items, 30.00 ordered,
     * 5.00 remitted, 25.00 outstanding. Bo: 40.00 remitted in full. Worked from the setup, not from the query.
     */
    @Test
    void theSummaryByBuyerAddsUpEachCustomersOrdersWithoutTheCancelledOnes() {
        var rows = summary.page(seller, new BuyerSummary.Filter(null, null, false), PageRequest.first(1));
        var second = summary.page(seller, new BuyerSummary.Filter(null, null, false),
                new PageRequest(rows.nextBefore(), 1));

        assertThat(rows.items()).singleElement().satisfies(b -> {
            assertThat(b.customerId()).isEqualTo(bo);
            assertThat(List.of(b.orders(), b.items())).containsExactly(1L, 1L);
            assertThat(List.of(b.ordered(), b.remitted(), b.outstanding())).extracting(BigDecimal::toPlainString)
                    .containsExactly("40.00", "40.00", "0.00");
        });
        assertThat(second.items()).singleElement().satisfies(a -> {
            assertThat(a.customerId()).isEqualTo(ana);
            assertThat(List.of(a.orders(), a.items())).containsExactly(2L, 2L);
            assertThat(List.of(a.ordered(), a.remitted(), a.outstanding())).extracting(BigDecimal::toPlainString)
                    .containsExactly("30.00", "5.00", "25.00");
        });
        assertThat(second.nextBefore()).isNull();
        assertThat(summary.page(seller, new BuyerSummary.Filter(null, null, true), PageRequest.first(50)).items())
                .extracting(BuyerSummary.BuyerRow::customerId).containsExactly(ana);
    }

    @Test
    void countsPerStatusFollowTheSameFilter() {
        var all = queries.counts(seller, OrderFilter.any());
        assertThat(all.orders()).isEqualTo(4);
        assertThat(all.byStatus()).containsEntry(OrderStatus.PENDING, 3L).containsEntry(OrderStatus.CANCELLED, 1L)
                .containsEntry(OrderStatus.SHIPPED, 0L);
        assertThat(all.byPaymentStatus()).containsEntry(PaymentStatus.UNPAID, 2L)
                .containsEntry(PaymentStatus.PARTIALLY_PAID, 1L).containsEntry(PaymentStatus.REMITTED, 1L);

        var anas = queries.counts(seller, new OrderFilter(ana, null, null, null, null, null));
        assertThat(anas.orders()).isEqualTo(3);
        assertThat(anas.byPaymentStatus()).containsEntry(PaymentStatus.REMITTED, 0L);
    }
}
