package io.loadout.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PalletPlannerTest {

    static final Spec PALLET = new Spec(new BigDecimal("48"), new BigDecimal("40"), new BigDecimal("72"),
            new BigDecimal("2200"), new BigDecimal("1000.00"), new BigDecimal("0.90"));

    static Units units(long key, String size, String weight, String min, String max, int count, boolean topUp) {
        String[] d = size.split("x");
        return new Units(key, key, "B0000000" + String.format("%02d", key % 100), new BigDecimal(d[0]), new BigDecimal(d[1]),
                new BigDecimal(d[2]), new BigDecimal(weight), new BigDecimal(min), new BigDecimal(max),
                new BigDecimal("10.00"), count, topUp);
    }

    @Test
    void aThousandUnitsOfFiftySkusPackCloseToTheLowerBoundAndEveryUnitIsPlaced() {
        var random = new Random(11);
        var skus = new ArrayList<Units>();
        int[] counts = new int[50];
        for (int i = 0; i < 1000; i++) {
            counts[random.nextInt(50)]++;
        }
        for (int s = 0; s < 50; s++) {
            skus.add(units(s, (4 + random.nextInt(16)) + "x" + (4 + random.nextInt(12)) + "x" + (2 + random.nextInt(10)),
                    (0.5 + random.nextInt(100) / 10.0) + "", "0.10", "50.00", counts[s], false));
        }

        var plan = PalletPlanner.plan(PALLET, skus, List.of(), BigDecimal.ZERO);

        int lowerBound = PalletPlanner.lowerBound(PALLET, skus);
        assertThat(plan.pallets().size()).isLessThanOrEqualTo((int) Math.ceil(lowerBound * 1.15));
        assertThat(plan.pallets().stream().mapToInt(PalletPlanner.Pallet::units).sum()).isEqualTo(1000);
        for (var pallet : plan.pallets()) {
            assertThat(pallet.weightLb()).isLessThanOrEqualTo(2200);
            assertThat(pallet.volumeFill()).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void twoEqualUnitsShareTheFreightButNeverPayBelowTheirMinimum() {
        var pallet = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "1", "0.10", "600", 2, false)));

        assertThat(pallet.lines().get(0).shippingPerUnit()).isEqualByComparingTo("500.00");
        assertThat(pallet.economical()).isTrue();

        var cheap = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "1", "0.10", "600", 1000, false),
                units(2, "1x1x1", "0.01", "0.75", "1.00", 1, false)));
        assertThat(cheap.lines().get(1).shippingPerUnit()).as("share below the minimum pays the minimum")
                .isEqualByComparingTo("0.75");
    }

    @Test
    void aPalletWhoseUnitsWouldExceedTheirMaxIsKeptBackWithWhatItLacks() {
        var plan = PalletPlanner.plan(PALLET, List.of(units(1, "12x12x12", "5", "0.10", "3.00", 10, false)), List.of(),
                BigDecimal.ZERO);

        var pallet = plan.pallets().get(0);
        assertThat(pallet.economical()).isFalse();
        assertThat(pallet.missing().share()).isPositive();
        // 10 cubes of 1,728 in³ pay $1,000: each needs ≥ 1000 × 0.0125 / 3 = 4.17 pallet-shares of company
        assertThat(pallet.missing().cubicInches()).isGreaterThan(100_000);
    }

    @Test
    void toppingUpFromOlderStockMakesThePalletEconomical() {
        var own = units(1, "12x12x12", "5", "0.10", "15.00", 10, false);
        var pool = new ArrayList<>(List.of(units(2, "12x12x12", "5", "0.10", "15.00", 200, true)));

        var plan = PalletPlanner.plan(PALLET, List.of(own), pool, new BigDecimal("100000"));

        var pallet = plan.pallets().get(0);
        assertThat(pallet.economical()).isTrue();
        assertThat(pallet.units()).isGreaterThan(60);
        assertThat(pallet.lines()).allSatisfy(l -> assertThat(l.shippingPerUnit()).isLessThanOrEqualTo(l.units().maxShip()));
    }

    @Test
    void topUpsStayWithinTheBudget() {
        var own = units(1, "12x12x12", "5", "0.10", "15.00", 10, false);
        var pool = new ArrayList<>(List.of(units(2, "12x12x12", "5", "0.10", "15.00", 200, true)));

        var plan = PalletPlanner.plan(PALLET, List.of(own), pool, new BigDecimal("55.00"));

        int added = plan.pallets().get(0).lines().stream().filter(l -> l.units().topUp()).mapToInt(PalletPlanner.Line::count).sum();
        assertThat(added).isEqualTo(5);
    }

    @Test
    void aUnitBiggerThanThePalletIsReportedNotPacked() {
        var plan = PalletPlanner.plan(PALLET, List.of(units(1, "80x10x10", "5", "0.10", "15.00", 1, false)), List.of(),
                BigDecimal.ZERO);

        assertThat(plan.pallets()).isEmpty();
        assertThat(plan.unpackable()).hasSize(1);
    }
}
