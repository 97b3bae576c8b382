package io.loadout.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadout.allocation.PalletPlanner.Line;
import io.loadout.allocation.PalletPlanner.Pallet;
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
    static final double PALLET_IN3 = 48 * 40 * 72;

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
        double volume = 0;
        double weight = 0;
        for (int s = 0; s < 50; s++) {
            int l = 4 + random.nextInt(16);
            int w = 4 + random.nextInt(12);
            int h = 2 + random.nextInt(10);
            double lb = 0.5 + random.nextInt(100) / 10.0;
            skus.add(units(s, l + "x" + w + "x" + h, lb + "", "0.10", "50.00", counts[s], false));
            volume += (double) l * w * h * counts[s];
            weight += lb * counts[s];
        }
        int bound = (int) Math.ceil(Math.max(volume / PALLET_IN3, weight / 2200));

        var plan = PalletPlanner.plan(PALLET, skus, List.of(), BigDecimal.ZERO);

        assertThat(plan.pallets().size()).isLessThanOrEqualTo((int) Math.floor(bound * 1.15));
        assertThat(plan.pallets().stream().mapToInt(Pallet::units).sum()).isEqualTo(1000);
        for (var pallet : plan.pallets()) {
            assertThat(pallet.weightLb()).isLessThanOrEqualTo(2200);
            assertThat(pallet.volumeFill()).isLessThanOrEqualTo(1.0);
        }
    }

    /**
     * Bench datasets 14 and 15 (oldest first): LAFF in that order needs 6 pallets, with the largest units first 5, the
     * volume/weight bound (computed by the bench's own arithmetic, not the planner's). The planner packs both orders.
     */
    @Test
    void whenTheAgeOrderNeedsAPalletMoreThanTheBoundTheLargestUnitsFirstCanReachIt() {
        for (int seed : new int[] {14, 15}) {
            var units = BenchDatasets.units(BenchDatasets.skus(seed));
            int bound = BenchDatasets.lowerBound(BenchDatasets.PALLET, units);
            assertThat(PalletPacking.pack(BenchDatasets.PALLET, units, Integer.MAX_VALUE)).as("dataset %d, age order", seed)
                    .hasSize(bound + 1);

            var plan = PalletPlanner.plan(BenchDatasets.PALLET, units, List.of(), BigDecimal.ZERO);

            assertThat(plan.pallets()).as("dataset %d", seed).hasSize(bound);
            assertThat(plan.pallets().stream().mapToInt(Pallet::units).sum())
                    .isEqualTo(units.stream().mapToInt(Units::count).sum());
        }
    }

    /**
     * A dense unit pays by weight, a bulky light one by volume. A: 10³ in³ = 0.00723 of the volume, 110 lb = 0.05
     * of the weight: 0.05. B: 24×20×12 = 0.04167 of the volume, 1 lb = 0.00045: 0.04167. Of $1,000, A pays
     * 0.05 / 0.091667 = 545.4545, B 454.5454; the leftover cent goes to B's larger remainder.
     */
    @Test
    void eachUnitPaysForTheLargerOfItsVolumeAndItsWeight() {
        var pallet = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "110", "0.10", "900", 1, false),
                units(2, "24x20x12", "1", "0.10", "900", 1, false)));

        assertThat(pallet.lines()).extracting(Line::shippingPerUnit).extracting(BigDecimal::toPlainString)
                .containsExactly("545.45", "454.55");
        assertThat(pallet.shipping()).isEqualByComparingTo("1000.00");
    }

    /** Shares that do not round evenly still add up to the freight, each within a cent of the exact share. */
    @Test
    void theUnitsShippingAddsUpToTheFreightToTheCent() {
        var content = new ArrayList<Units>();
        int[] sides = {5, 6, 7, 8, 9, 10, 11};
        int[] counts = {1, 3, 1, 2, 1, 4, 1};
        double cubes = 0;
        for (int i = 0; i < sides.length; i++) {
            content.add(units(i + 1, sides[i] + "x" + sides[i] + "x" + sides[i], "0.5", "0.10", "900", counts[i], false));
            cubes += Math.pow(sides[i], 3) * counts[i];
        }

        var pallet = PalletPlanner.price(PALLET, content);

        assertThat(pallet.shipping()).isEqualByComparingTo("1000.00");
        for (var line : pallet.lines()) {
            int side = sides[(int) line.units().key() - 1];
            double exact = 1000 * Math.pow(side, 3) / cubes;
            assertThat(line.shippingPerUnit().doubleValue()).as("side %d", side).isCloseTo(exact, within(0.01));
        }
    }

    /** Three equal units pay 333.333…; at a max of 333.33 the leftover cent is not charged rather than break a max. */
    @Test
    void aRoundingCentNeverTakesALineOverItsMax() {
        var pallet = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "1", "0.10", "333.33", 1, false),
                units(2, "10x10x10", "1", "0.10", "333.33", 1, false), units(3, "10x10x10", "1", "0.10", "333.33", 1, false)));

        assertThat(pallet.economical()).isTrue();
        assertThat(pallet.shipping()).isEqualByComparingTo("999.99");
    }

    /** A unit whose share is below its minimum pays the minimum; the others share the rest of the freight. */
    @Test
    void minimumsComeFirstAndOnlyTheyCanPushTheTotalAboveTheFreight() {
        var pallet = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "1", "0.10", "900", 2, false),
                units(2, "1x1x1", "0.01", "7.50", "9.00", 1, false)));

        assertThat(pallet.lines()).extracting(Line::shippingPerUnit).extracting(BigDecimal::toPlainString)
                .containsExactly("496.25", "7.50"); // (1,000 - 7.50) / 2
        assertThat(pallet.shipping()).isEqualByComparingTo("1000.00");

        var mins = PalletPlanner.price(PALLET, List.of(units(1, "10x10x10", "1", "600.00", "900", 2, false)));
        assertThat(mins.shipping()).as("the minimums alone exceed the freight").isEqualByComparingTo("1200.00");
    }

    /**
     * Ten 12-in cubes (max 3.00) and one 1-in cube (max 500) on a pallet of $1,000: 17,281 in³ in all. A big cube
     * pays floor(100,000 × 1,728 / 17,281) = 9,999 cents, 96.99 over its max; at its max it needs a pallet of
     * 1,000 × 1,728 / 3 = 576,000 in³, so 558,719 in³ more. The small cube stays under its max and says nothing.
     */
    @Test
    void aKeptBackPalletSaysWhichLinesExceedTheirMaxByHowMuchAndWhatWouldFixIt() {
        var plan = PalletPlanner.plan(PALLET, List.of(units(1, "12x12x12", "5", "0.10", "3.00", 10, false),
                units(2, "1x1x1", "0.01", "0.01", "500.00", 1, false)), List.of(), BigDecimal.ZERO);

        var pallet = plan.pallets().get(0);
        assertThat(pallet.economical()).isFalse();
        assertThat(pallet.excesses()).singleElement().satisfies(e -> {
            assertThat(e.units().key()).isEqualTo(1);
            assertThat(e.shippingPerUnit()).isEqualByComparingTo("99.99");
            assertThat(e.overBy()).isEqualByComparingTo("96.99");
            assertThat(e.missing().cubicInches()).isCloseTo(558_719, within(0.5));
            assertThat(e.missing().pounds()).isCloseTo(558_719 / PALLET_IN3 * 2200, within(0.01));
        });
        assertThat(pallet.missing().cubicInches()).isCloseTo(558_719, within(0.5));
        assertThat(pallet.shipping()).as("no cents over the freight").isLessThanOrEqualTo(new BigDecimal("1000.00"));
    }

    /**
     * Oldest first: 100 units of 12×10×9 (added 2026-01-11), 66 of 16×10×12 (2026-03-01), 9 of 24×20×12
     * (2026-06-01, the largest faces, which LAFF places first). 286,560 in³ need 3 pallets; every max is the unit's
     * price on a pallet about 70.4 % full (A: 1,000 × 1,080 / (11.10 × 138,240)), so only two of the three can pay
     * their way (3 × 70.4 % > 2.07 pallets). The part-filled pallet that is kept back must hold the newest units:
     * no unit on it older than a unit that ships, and at least (286,560 - 2 × 138,240) / 5,760 = 1.75 of the newest.
     */
    @Test
    void theKeptBackPalletHoldsTheNewestUnits() {
        var oldestFirst = List.of(units(1, "12x10x9", "1", "0.10", "11.10", 100, false),
                units(2, "16x10x12", "2", "0.10", "19.80", 66, false),
                units(3, "24x20x12", "3", "0.10", "59.40", 9, false));

        var plan = PalletPlanner.plan(PALLET, oldestFirst, List.of(), BigDecimal.ZERO);

        assertThat(plan.pallets()).hasSize(3);
        assertThat(plan.keptBack()).hasSize(1);
        var kept = plan.keptBack().get(0);
        long oldestKept = kept.lines().stream().mapToLong(l -> l.units().key()).min().orElseThrow();
        long newestShipped = plan.economical().stream().flatMap(p -> p.lines().stream()).mapToLong(l -> l.units().key())
                .max().orElseThrow();
        assertThat(oldestKept).as("no kept-back unit is older than a shipped one").isGreaterThanOrEqualTo(newestShipped);
        assertThat(kept.lines().stream().filter(l -> l.units().key() == 3).mapToInt(Line::count).sum())
                .isGreaterThanOrEqualTo(2);
        assertThat(plan.economical().stream().mapToInt(Pallet::units).sum()).isEqualTo(175 - kept.units());
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

        int added = plan.pallets().get(0).lines().stream().filter(l -> l.units().topUp()).mapToInt(Line::count).sum();
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
