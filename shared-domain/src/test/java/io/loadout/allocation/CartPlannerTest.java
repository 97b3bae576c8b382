package io.loadout.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.loadout.allocation.CartPlanner.Candidate;
import io.loadout.allocation.CartPlanner.Pick;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CartPlannerTest {

    @Test
    void takesTheOldestLotsFirstWhenTheyFit() {
        var plan = CartPlanner.plan(List.of(new Candidate(1, 1000, 5), new Candidate(2, 1000, 5), new Candidate(3, 1000, 5)),
                7000);

        assertThat(plan.totalCents()).isEqualTo(7000);
        assertThat(plan.picks()).extracting(Pick::lotId, Pick::quantity).containsExactly(tuple(1L, 5), tuple(2L, 2));
    }

    @Test
    void neverSpendsMoreThanTheBudgetAndNothingWithoutOne() {
        assertThat(CartPlanner.plan(List.of(new Candidate(1, 999, 10)), 998).picks()).isEmpty();
        assertThat(CartPlanner.plan(List.of(new Candidate(1, 999, 10)), 0).picks()).isEmpty();
        assertThat(CartPlanner.plan(List.of(), 10_000).picks()).isEmpty();
        assertThat(CartPlanner.plan(List.of(new Candidate(1, 500, 3)), 10_000).totalCents()).isEqualTo(1500);
    }

    @Test
    void fillsTheLastDollarsWhereGreedyByAgeWouldStop() {
        // oldest-first greedy takes one 3000 unit and is stuck at 3000 of 5000; 2 × 2500 uses it all
        var plan = CartPlanner.plan(List.of(new Candidate(1, 3000, 1), new Candidate(2, 2500, 2)), 5000);

        assertThat(plan.totalCents()).isEqualTo(5000);
    }

    /** Finding 4: a cart for exactly the goods total of the stock left a $3.11 unit out (the coarse subset-sum). */
    @Test
    void aCartForExactlyTheGoodsTotalTakesEveryUnit() {
        var random = new Random(4);
        var lots = new ArrayList<Candidate>();
        long total = 0;
        for (int i = 0; i < 50; i++) {
            long cents = 199 + random.nextInt(7_800); // dearest above $40: the old reserve ran on a coarser step
            int available = 1 + random.nextInt(30);
            lots.add(new Candidate(i, cents, available));
            total += cents * available;
        }
        lots.add(new Candidate(50, 311, 1));
        total += 311;

        var plan = CartPlanner.plan(lots, total);

        assertThat(plan.totalCents()).isEqualTo(total);
        assertThat(plan.picks()).extracting(Pick::quantity)
                .containsExactlyElementsOf(lots.stream().map(Candidate::available).toList());
    }

    /** An exact cart exists but not among the oldest lots' units: the exact fill of the reserve finds it. */
    @Test
    void anExactSubsetIsFoundOnALargeBudget() {
        var lots = new ArrayList<Candidate>();
        for (int i = 0; i < 40; i++) {
            lots.add(new Candidate(i, 7_001 + 2 * i, 20)); // all odd: an even budget needs an even number of them
        }
        lots.add(new Candidate(40, 4_999, 3));
        long budget = 20 * 7_001 * 10 + 4_999; // 200 units of lot 0 ... plus one of lot 40: reachable exactly

        var plan = CartPlanner.plan(lots, budget);

        assertThat(plan.totalCents()).isEqualTo(budget);
    }

    /** The rule: age may cost at most 1 % of the fullest cart; checked against an independent exact optimum. */
    @Test
    void onRandomInventoriesItIsWithinOnePercentOfTheOptimumAndNeverOverBudget() {
        var random = new Random(7);
        for (int round = 0; round < 300; round++) {
            var lots = new ArrayList<Candidate>();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                lots.add(new Candidate(i, 100 + random.nextInt(6000), random.nextInt(6)));
            }
            long budget = 500 + random.nextInt(round < 150 ? 40_000 : 150_000);
            var plan = CartPlanner.plan(lots, budget);
            long optimum = optimum(lots, budget);

            assertThat(plan.totalCents()).isLessThanOrEqualTo(budget);
            assertThat(plan.totalCents() * 100).as("round %d: %d of optimum %d", round, plan.totalCents(), optimum)
                    .isGreaterThanOrEqualTo(optimum * (100 - CartPlanner.AGE_MAY_COST_PERCENT));
            for (var pick : plan.picks()) {
                var lot = lots.stream().filter(l -> l.lotId() == pick.lotId()).findFirst().orElseThrow();
                assertThat(pick.quantity()).isPositive().isLessThanOrEqualTo(lot.available());
                assertThat(pick.unitCents()).isEqualTo(lot.unitCents());
            }
        }
    }

    /**
     * The 1 % rule at its edge. Lot 1 (older) is used up before the reserve; 250,000 is only reachable with 50 of
     * lot 2 and no lot-1 unit (4,600a + 5,000b = 250,000 needs b = 50 - 0.92a). Age reaches 46,000 + 40 × 5,000 =
     * 246,000 (98.4 %): the fullest cart wins.
     */
    @Test
    void theFullestCartWinsWhenAgeWouldCostMoreThanOnePercent() {
        var plan = CartPlanner.plan(List.of(new Candidate(1, 4_600, 10), new Candidate(2, 5_000, 100)), 250_000);

        assertThat(plan.totalCents()).isEqualTo(250_000);
        assertThat(plan.picks()).extracting(Pick::lotId, Pick::quantity).containsExactly(tuple(2L, 50));
    }

    /** Same shape, age reaches 12 × 4,001 + 40 × 5,000 = 248,012 (99.2 % of 250,000): the oldest units stay in. */
    @Test
    void ageWinsWhenItCostsLessThanOnePercent() {
        var plan = CartPlanner.plan(List.of(new Candidate(1, 4_001, 12), new Candidate(2, 5_000, 100)), 250_000);

        assertThat(plan.totalCents()).isEqualTo(248_012);
        assertThat(plan.picks()).extracting(Pick::lotId, Pick::quantity).containsExactly(tuple(1L, 12), tuple(2L, 40));
    }

    /**
     * Age reaches 9,900 + 5 × 10,000 = 59,900 of 60,900 (98.4 %, so the fullest cart is computed): 6 × 10,000 =
     * 60,000. Age is within 1 % of that (99.8 %): the oldest unit stays in.
     */
    @Test
    void ageWinsWithinOnePercentOfTheFullestCartEvenWhenBudgetIsLeft() {
        var plan = CartPlanner.plan(List.of(new Candidate(1, 9_900, 10), new Candidate(2, 10_000, 10)), 60_900);

        assertThat(plan.totalCents()).isEqualTo(59_900);
        assertThat(plan.picks()).extracting(Pick::lotId, Pick::quantity).containsExactly(tuple(1L, 1), tuple(2L, 5));
    }

    /** Exact bounded subset-sum, unit by unit: the most the budget can buy. */
    static long optimum(List<Candidate> lots, long budget) {
        boolean[] reach = new boolean[(int) budget + 1];
        reach[0] = true;
        for (var lot : lots) {
            for (int u = 0; u < lot.available(); u++) {
                for (int s = (int) budget; s >= lot.unitCents(); s--) {
                    reach[s] |= reach[s - (int) lot.unitCents()];
                }
            }
        }
        for (int s = (int) budget; s >= 0; s--) {
            if (reach[s]) {
                return s;
            }
        }
        return 0;
    }
}
