package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.ADMIN;
import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.account.Caller;
import io.loadout.account.Role;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CartServiceTest {

    @Inject
    AllocationFixture fixture;
    @Inject
    CartService carts;
    @Inject
    Sql sql;
    @Inject
    RecordingEventPublisher events;
    @Inject
    TransferSuggestions suggestions;

    @Test
    void aDraftTakesOnlyUngatedAsinsOldestFirstWithinTheAmount() {
        var tenant = fixture.tenant("1000.00", false);
        String old = asin();
        String young = asin();
        String gated = asin();
        fixture.importSheet(row(young, "PO-1", "1", "5", "5", "5", 10, 10, "10.00", "2026-11-01", "0.10", "1.00")
                + row(old, "PO-1", "1", "5", "5", "5", 4, 4, "10.00", "2026-09-01", "0.10", "1.00")
                + row(gated, "PO-1", "1", "5", "5", "5", 50, 50, "1.00", "2026-01-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), old, UngatingStatus.YES);
        fixture.ungate(tenant.storeExternalId(), young, UngatingStatus.YES);
        fixture.ungate(tenant.storeExternalId(), gated, UngatingStatus.INVOICE_NEEDED);

        var generated = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("75.00"), ADMIN);

        var cart = generated.cart();
        assertThat(cart.status()).isEqualTo(CartStatus.DRAFT);
        assertThat(cart.goodsTotal()).isEqualByComparingTo("70.00");
        assertThat(cart.lines()).extracting(CartView.Line::asin, CartView.Line::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(old, 4), org.assertj.core.groups.Tuple.tuple(young, 3));
        assertThat(generated.shortfall()).isNull();
        assertThat(fixture.lot(old, "PO-1")).as("a draft reserves nothing").containsExactly(4, 0);
    }

    @Test
    void theBudgetIsTheBalanceLessOtherDraftsAndAShortfallProposesTheMutualStore() {
        var tenant = fixture.tenant("100.00", true);
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 100, 100, "10.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("30.00"), ADMIN);

        var generated = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("250.00"), ADMIN);

        assertThat(generated.reservedByDrafts()).isEqualByComparingTo("30.00");
        assertThat(generated.cart().goodsTotal()).isEqualByComparingTo("70.00");
        var shortfall = generated.shortfall();
        assertThat(shortfall.amount()).isEqualByComparingTo("180.00");
        assertThat(shortfall.mutualStore().id()).isEqualTo(tenant.mutualStoreId());
        assertThat(shortfall.suggestionId()).isNotNull();
        assertThat(events.ofType(BalanceInsufficient.TYPE)).anySatisfy(e ->
                assertThat(e.payload().path("client").path("id").asLong()).isEqualTo(tenant.clientId()));
    }

    @Test
    void acceptingTheSuggestionMovesTheUnitsUngatedAtTheMutualStore() {
        var tenant = fixture.tenant("110.00", true);
        String shared = asin();
        String own = asin();
        fixture.importSheet(row(shared, "PO-1", "1", "5", "5", "5", 5, 5, "10.00", "2026-10-01", "0.10", "1.00")
                + row(own, "PO-1", "1", "5", "5", "5", 6, 6, "10.00", "2026-10-02", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), shared, UngatingStatus.YES);
        fixture.ungate(tenant.storeExternalId(), own, UngatingStatus.YES);
        var mutual = QuarkusTransaction.requiringNew().call(() -> sql.one("select external_id from alloc_store where id = ?",
                List.of(tenant.mutualStoreId()), r -> r.getString("external_id")).orElseThrow());
        fixture.ungate(mutual, shared, UngatingStatus.YES);
        carts.confirm(carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("100.00"), ADMIN).cart().id(), ADMIN);
        carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("10.00"), ADMIN);
        // one unit is left in that draft, the balance is spent: the refusal names the suggestion it made
        var refused = org.assertj.core.api.Assertions.catchThrowableOfType(DomainException.Conflict.class,
                () -> carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("40.00"), ADMIN));
        assertThat(refused.field()).isEqualTo("balance");
        long suggestionId = suggestions.open(ADMIN).stream().filter(x -> x.clientId() == tenant.clientId())
                .findFirst().orElseThrow().id();
        assertThat(refused).hasMessageContaining("suggestion " + suggestionId);

        var accepted = suggestions.accept(suggestionId, ADMIN);

        assertThat(accepted.suggestion().status()).isEqualTo(TransferSuggestions.Status.ACCEPTED);
        assertThat(accepted.allocationsMoved()).isEqualTo(1);
        assertThat(accepted.allocationsKept()).as("not ungated at the mutual store").isEqualTo(1);
        assertThat(accepted.draftsMoved()).isEqualTo(1);
        assertThatThrownBy(() -> suggestions.dismiss(suggestionId, ADMIN)).isInstanceOf(DomainException.Conflict.class);
    }

    @Test
    void confirmingReservesTheUnitsAndDebitsTheLedgerOnceAndCancellingRefunds() {
        var tenant = fixture.tenant("500.00", false);
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 30, 30, "12.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        var draft = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("120.00"), ADMIN).cart();

        var confirmed = carts.confirm(draft.id(), ADMIN);

        assertThat(confirmed.status()).isEqualTo(CartStatus.CONFIRMED);
        assertThat(fixture.lot(a, "PO-1")).containsExactly(30, 10);
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo("380.00");
        assertThat(events.ofType(CartConfirmed.TYPE)).anySatisfy(e ->
                assertThat(e.payload().path("cartId").asLong()).isEqualTo(draft.id()));
        assertThatThrownBy(() -> carts.confirm(draft.id(), ADMIN)).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining("CONFIRMED");

        var cancelled = carts.cancel(draft.id(), ADMIN);

        assertThat(cancelled.status()).isEqualTo(CartStatus.CANCELLED);
        assertThat(fixture.lot(a, "PO-1")).containsExactly(30, 0);
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo("500.00");
        assertThatThrownBy(() -> carts.cancel(draft.id(), ADMIN)).as("cancelled once, refunded once")
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo("500.00");
    }

    @Test
    void cancellingACartWithPartlyPackedAllocationsGivesBackOnlyTheUnpackedUnits() {
        var tenant = fixture.tenant("500.00", false);
        String a = asin();
        String b = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 30, 30, "12.00", "2026-10-01", "0.10", "1.00")
                + row(b, "PO-1", "1", "5", "5", "5", 9, 9, "7.00", "2026-10-02", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        fixture.ungate(tenant.storeExternalId(), b, UngatingStatus.YES);
        // 30 × 12.00 + 9 × 7.00 = 423.00: every unit of both lots
        var cart = carts.confirm(carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("423.00"), ADMIN)
                .cart().id(), ADMIN);
        assertThat(cart.goodsTotal()).isEqualByComparingTo("423.00");
        // a confirmed pallet took 6 of a's 30 units and all 9 of b's (packing is the pallet service's, arranged here)
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("update allocation a set qty_packed = 6 from inventory_lot l where l.id = a.lot_id and a.cart_id = ?"
                    + " and l.asin = ?", List.of(cart.id(), a));
            sql.update("update allocation a set qty_packed = a.quantity from inventory_lot l where l.id = a.lot_id"
                    + " and a.cart_id = ? and l.asin = ?", List.of(cart.id(), b));
        });
        BigDecimal before = fixture.balance(tenant.clientId());

        carts.cancel(cart.id(), ADMIN);

        assertThat(fixture.balance(tenant.clientId())).as("24 unpacked units of a refunded")
                .isEqualByComparingTo(before.add(new BigDecimal("288.00")));
        assertThat(fixture.lot(a, "PO-1")).containsExactly(30, 6);
        assertThat(fixture.lot(b, "PO-1")).containsExactly(9, 9);
        assertThat(QuarkusTransaction.requiringNew().call(() -> sql.list("""
                select l.asin, a.quantity, a.qty_packed, a.released_at is null open from allocation a
                  join inventory_lot l on l.id = a.lot_id where a.cart_id = ? order by l.asin""", List.of(cart.id()),
                r -> r.getString("asin") + ":" + r.getLong("quantity") + "/" + r.getLong("qty_packed") + "/"
                        + r.getBoolean("open")))).containsExactlyInAnyOrder(a + ":6/6/true", b + ":9/9/true");
    }

    @Test
    void aCartThatCouldHoldNothingIsRefusedWithTheReasonAndNoDraftIsSaved() {
        var tenant = fixture.tenant("500.00", false);
        long cartsBefore = cartsOf(tenant.clientId());
        long shortfallsBefore = events.ofType(BalanceInsufficient.TYPE).size();

        assertThatThrownBy(() -> carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("100.00"), ADMIN))
                .as("no ungated stock for the store")
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("storeId"));

        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 5, 5, "40.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        assertThatThrownBy(() -> carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("39.99"), ADMIN))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e).hasMessageContaining("40.00");
                });
        assertThat(cartsOf(tenant.clientId())).isEqualTo(cartsBefore);
        assertThat(events.ofType(BalanceInsufficient.TYPE)).as("neither is a shortfall").hasSize((int) shortfallsBefore);

        var poor = fixture.tenant("39.00", false);
        fixture.ungate(poor.storeExternalId(), a, UngatingStatus.YES);
        assertThatThrownBy(() -> carts.generate(poor.clientId(), poor.storeId(), new BigDecimal("80.00"), ADMIN))
                .as("the balance buys no unit: the admin is asked to request more")
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("balance"));
        assertThat(cartsOf(poor.clientId())).isZero();
        assertThat(events.ofType(BalanceInsufficient.TYPE)).anySatisfy(e -> {
            assertThat(e.payload().path("client").path("id").asLong()).isEqualTo(poor.clientId());
            assertThat(e.payload().path("shortfall").decimalValue()).isEqualByComparingTo("41.00");
        });
    }

    private long cartsOf(long clientId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("select count(*) n from cart where client_id = ?",
                List.of(clientId), r -> r.getLong("n")).orElseThrow());
    }

    @Test
    void aCartWhoseAsinLostItsUngatingIsNotConfirmed() {
        var tenant = fixture.tenant("500.00", false);
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 30, 30, "12.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        var draft = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("120.00"), ADMIN).cart();
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.NO);

        assertThatThrownBy(() -> carts.confirm(draft.id(), ADMIN)).isInstanceOf(DomainException.Conflict.class)
                .hasMessageContaining(a);
        assertThat(fixture.lot(a, "PO-1")).containsExactly(30, 0);
    }

    @Test
    void anotherTenantsCartIsNotFound() {
        var tenant = fixture.tenant("500.00", false);
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 30, 30, "12.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        var draft = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("50.00"), ADMIN).cart();

        assertThatThrownBy(() -> carts.get(draft.id(), new Caller(424242, Role.CLIENT)))
                .isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> carts.generate(tenant.clientId(), tenant.storeId(), BigDecimal.TEN, new Caller(424242, Role.CLIENT)))
                .isInstanceOf(DomainException.NotFound.class);
    }

    /**
     * 50 drafts for one client, each planned against the whole balance and the same oldest lot, confirmed at once:
     * the client lock, the ledger trigger and the lot check constraint let exactly as many through as the balance
     * and the lot cover; no balance or lot goes below zero.
     */
    @Test
    void fiftyConcurrentConfirmationsNeverOverdrawTheClient() throws Exception {
        var race = race("1000.00", 5000);

        assertThat(race.confirmed()).as("$1000 covers six $150 carts").isEqualTo(6);
        assertThat(fixture.balance(race.clientId())).isEqualByComparingTo("100.00");
        assertThat(fixture.lot(race.asin(), "PO-1")).containsExactly(5000, 6 * 15);
    }

    @Test
    void fiftyConcurrentConfirmationsNeverOverdrawALot() throws Exception {
        var race = race("100000.00", 100);

        assertThat(race.confirmed()).as("100 units fill six carts of 15").isEqualTo(6);
        assertThat(fixture.lot(race.asin(), "PO-1")).containsExactly(100, 90);
        assertThat(fixture.balance(race.clientId())).isEqualByComparingTo("99100.00");
    }

    record Race(long clientId, String asin, int confirmed) {
    }

    private Race race(String deposit, int units) throws Exception {
        var tenant = fixture.tenant(deposit, false);
        String a = asin();
        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", units, units, "10.00", "2026-10-01", "0.10", "1.00"));
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        var drafts = new ArrayList<Long>();
        for (int i = 0; i < 50; i++) {
            long id = carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal("150.00"), ADMIN).cart().id();
            drafts.add(id);
            // an expired draft reserves nothing, so every draft is planned against the full balance
            QuarkusTransaction.requiringNew().run(() -> sql.update("update cart set expires_at = created_at where id = ?",
                    List.of(id)));
        }
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "update cart set expires_at = created_at + interval '1 day' where id = any(?)",
                List.of((Object) drafts.toArray(Long[]::new))));

        var pool = Executors.newFixedThreadPool(50);
        var start = new CountDownLatch(1);
        var outcomes = new ArrayList<Future<Boolean>>();
        for (long id : drafts) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    carts.confirm(id, ADMIN);
                    return true;
                } catch (DomainException.Conflict e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int confirmed = 0;
        for (var outcome : outcomes) {
            confirmed += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        long stored = QuarkusTransaction.requiringNew().call(() -> sql.one(
                "select count(*) n from cart where id = any(?) and status = 'CONFIRMED'",
                List.of((Object) drafts.toArray(Long[]::new)), r -> r.getLong("n")).orElseThrow());
        assertThat(stored).isEqualTo(confirmed);
        return new Race(tenant.clientId(), a, confirmed);
    }
}
