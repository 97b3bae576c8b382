package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.ADMIN;
import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loadout.shared.DomainException;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PalletServiceTest {

    @Inject
    AllocationFixture fixture;
    @Inject
    CartService carts;
    @Inject
    PalletService pallets;
    @Inject
    RecordingEventPublisher events;

    AllocationFixture.Tenant tenantWithUnits(String deposit, String ownMax, int ownUnits, int poolUnits, String[] asins) {
        var tenant = fixture.tenant(deposit, false);
        asins[0] = asin();
        asins[1] = asin();
        fixture.importSheet(row(asins[0], "PO-1", "5", "12", "12", "12", ownUnits, ownUnits, "10.00", "2026-09-01", "0.10", ownMax)
                + (poolUnits == 0 ? "" : row(asins[1], "PO-1", "5", "12", "12", "12", poolUnits, poolUnits, "10.00",
                "2026-10-01", "0.10", "15.00")));
        fixture.ungate(tenant.storeExternalId(), asins[0], UngatingStatus.YES);
        carts.confirm(carts.generate(tenant.clientId(), tenant.storeId(), new BigDecimal(ownUnits * 10 + ".00"), ADMIN)
                .cart().id(), ADMIN);
        if (poolUnits > 0) {
            fixture.ungate(tenant.storeExternalId(), asins[1], UngatingStatus.YES);
        }
        return tenant;
    }

    @Test
    void aPalletThatWouldCostMoreThanTheMaxIsKeptBackWithWhatItLacks() {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("1000.00", "15.00", 10, 0, asins);

        var generated = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);

        assertThat(generated.pallets()).isEmpty();
        assertThat(generated.keptBack()).hasSize(1);
        assertThat(generated.keptBack().get(0).units()).isEqualTo(10);
        // ten 12-in cubes pay 100.00 each; at a max of 15.00 each needs a pallet of 1,000 × 1,728 / 15 = 115,200 in³
        assertThat(generated.keptBack().get(0).missingCubicInches()).isCloseTo(115_200 - 17_280, within(0.5));
        assertThat(generated.keptBack().get(0).lines()).singleElement().satisfies(l -> assertThat(l.reason())
                .startsWith("would pay 100.00 a unit, 85.00 over the ASIN's max shipping of 15.00; ships with 97920 in³"));
    }

    @Test
    void topUpsAreLimitedByWhatTheClientCanPayForAtGoodsPlusMaxShipping() {
        String[] asins = new String[2];
        // 350.00 deposited, 100.00 spent on the cart: 250.00 left, and a top-up is budgeted at 10.00 + 15.00
        var tenant = tenantWithUnits("350.00", "15.00", 10, 200, asins);
        int affordable = new BigDecimal("250.00").divide(new BigDecimal("25.00")).intValueExact();

        var generated = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);

        assertThat(generated.pallets()).as("20 cubes still pay 50.00 each against a max of 15.00").isEmpty();
        assertThat(generated.keptBack()).singleElement().satisfies(p -> {
            assertThat(p.lines().stream().filter(l -> l.asin().equals(asins[1])).mapToInt(PalletService.HeldUnits::quantity)
                    .sum()).as("top-ups the money allows").isEqualTo(affordable);
            assertThat(p.units()).isEqualTo(10 + affordable);
        });
        assertThat(fixture.lot(asins[1], "PO-1")[1]).as("a proposal reserves nothing").isZero();
    }

    @Test
    void topUpsFromAvailableStockMakeItEconomicalAndConfirmingChargesShippingAndGoods() {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("5000.00", "15.00", 10, 200, asins);

        var generated = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);

        assertThat(generated.pallets()).hasSize(1);
        var pallet = generated.pallets().get(0);
        assertThat(pallet.status()).isEqualTo(PalletStatus.DRAFT);
        assertThat(pallet.lines()).anySatisfy(l -> assertThat(l.topUp()).isTrue());
        assertThat(pallet.lines()).allSatisfy(l -> assertThat(l.shippingPerUnit()).isLessThanOrEqualTo(new BigDecimal("15.00")));
        int topUps = pallet.lines().stream().filter(PalletView.Line::topUp).mapToInt(PalletView.Line::quantity).sum();
        assertThat(pallet.topUpGoods()).isEqualByComparingTo(new BigDecimal(topUps * 10));
        BigDecimal before = fixture.balance(tenant.clientId());

        assertThatThrownBy(() -> pallets.confirm(pallet.id(), false, ADMIN))
                .as("top-ups add goods beyond the carts: only an explicit acceptance confirms them")
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("acceptTopUps"));
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo(before);
        assertThat(pallets.get(pallet.id(), ADMIN).status()).isEqualTo(PalletStatus.DRAFT);

        var confirmed = pallets.confirm(pallet.id(), true, ADMIN);

        assertThat(confirmed.status()).isEqualTo(PalletStatus.CONFIRMED);
        // the shipping charged is what its lines add up to, and the pallet's freight (1000.00) to within a cent a
        // unit, never more: computed here from the lines, not taken from the total under test
        BigDecimal lines = pallet.lines().stream()
                .map(l -> l.shippingPerUnit().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(lines).isBetween(new BigDecimal("1000.00").subtract(new BigDecimal("0.01").multiply(
                BigDecimal.valueOf(pallet.units()))), new BigDecimal("1000.00"));
        assertThat(fixture.balance(tenant.clientId())).isEqualByComparingTo(
                before.subtract(lines).subtract(new BigDecimal(topUps * 10)));
        assertThat(fixture.lot(asins[1], "PO-1")[1]).isEqualTo(topUps);
        assertThat(confirmed.lines()).filteredOn(PalletView.Line::topUp).as("the manifest keeps which units were top-ups")
                .isNotEmpty().allSatisfy(l -> assertThat(l.allocationId()).isNotNull());
        assertThat(PalletManifest.csv(confirmed)).contains(",true");
        assertThatThrownBy(() -> pallets.confirm(pallet.id(), true, ADMIN)).isInstanceOf(DomainException.Conflict.class);

        var again = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);
        assertThat(again.pallets()).as("every unit is on the confirmed pallet").isEmpty();
        assertThat(again.keptBack()).isEmpty();

        var shipped = pallets.markShipped(pallet.id(), LocalDate.parse("2026-11-22"), ADMIN);
        assertThat(shipped.status()).isEqualTo(PalletStatus.SHIPPED);
        assertThat(shipped.shippedOn()).isEqualTo("2026-11-22");
    }

    @Test
    void aFullPalletIsAnnouncedOnceWhenConfirmedNeverAsADraftARegenerationReplaces() {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("5000.00", "15.00", 10, 200, asins);
        var drafts = new java.util.HashSet<Long>();
        for (int i = 0; i < 4; i++) {
            drafts.add(pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN).pallets().get(0).id());
        }
        assertThat(drafts).as("each generation replaces the drafts").hasSize(4);
        assertThat(readyFor(drafts)).as("no draft is announced").isEmpty();
        long last = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN).pallets().get(0).id();

        pallets.confirm(last, true, ADMIN);

        drafts.add(last);
        assertThat(readyFor(drafts)).containsExactly(last);
        assertThatThrownBy(() -> pallets.confirm(last, true, ADMIN)).isInstanceOf(DomainException.Conflict.class);
        assertThat(readyFor(drafts)).as("a refused second confirmation announces nothing").containsExactly(last);
    }

    private java.util.List<Long> readyFor(java.util.Set<Long> ids) {
        return events.ofType(PalletReady.TYPE).stream().map(e -> e.payload().path("palletId").asLong())
                .filter(ids::contains).toList();
    }

    @Test
    void aKeptBackPalletIsReportedWithAKeyThatRepeatsWhileThePlanDoesNot() {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("1000.00", "15.00", 10, 0, asins);

        pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);
        pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);

        var reported = events.ofType(PalletKeptBack.TYPE).stream()
                .filter(e -> e.payload().path("client").path("id").asLong() == tenant.clientId()).toList();
        assertThat(reported).hasSize(2);
        assertThat(reported.get(0).payload().path("pallets").get(0).path("lines").get(0).path("asin").asText())
                .isEqualTo(asins[0]);
        assertThat(reported.get(1).payload().path("openKey").asText()).as("one open alert for the same plan")
                .isEqualTo(reported.get(0).payload().path("openKey").asText()).contains(":" + tenant.clientId() + ":");
    }

    @Test
    void twoConfirmationsRacingForOnePalletChargeOnceAndADraftDoesNotShip() throws Exception {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("5000.00", "15.00", 10, 200, asins);
        var pallet = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN).pallets().get(0);
        assertThatThrownBy(() -> pallets.markShipped(pallet.id(), null, ADMIN))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("status"));
        BigDecimal before = fixture.balance(tenant.clientId());
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var outcomes = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        for (int i = 0; i < 2; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    return pallets.confirm(pallet.id(), true, ADMIN).status().name();
                } catch (DomainException.Conflict e) {
                    return "refused " + e.field();
                }
            }));
        }
        start.countDown();
        var answers = new java.util.ArrayList<String>();
        for (var outcome : outcomes) {
            answers.add(outcome.get());
        }
        pool.shutdown();

        assertThat(answers).containsExactlyInAnyOrder("CONFIRMED", "refused status");
        assertThat(fixture.balance(tenant.clientId())).as("shipping and top-ups debited once")
                .isEqualByComparingTo(before.subtract(pallet.totalShipping()).subtract(pallet.topUpGoods()));
    }

    @Test
    void unitsWhoseAsinLostItsUngatingStayOffThePallets() {
        String[] asins = new String[2];
        var tenant = tenantWithUnits("5000.00", "500.00", 10, 0, asins);
        fixture.ungate(tenant.storeExternalId(), asins[0], UngatingStatus.NO);

        var generated = pallets.generate(tenant.clientId(), tenant.storeId(), ADMIN);

        assertThat(generated.pallets()).isEmpty();
        assertThat(generated.held()).singleElement().satisfies(h -> {
            assertThat(h.asin()).isEqualTo(asins[0]);
            assertThat(h.quantity()).isEqualTo(10);
        });
    }
}
