package io.loadout.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.allocation.CartPlanner.Candidate;
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
        assertThat(plan.picks()).extracting(CartPlanner.Pick::lotId, CartPlanner.Pick::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 5), org.assertj.core.groups.Tuple.tuple(2L, 2));
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

    @Test
    void onRandomInventoriesItIsWithinThreePercentOfTheOptimumAndNeverOverBudget() {
        var random = new Random(7);
        for (int round = 0; round < 300; round++) {
            var lots = new ArrayList<Candidate>();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                lots.add(new Candidate(i, 100 + random.nextInt(6000), random.nextInt(6)));
            }
            long budget = 500 + random.nextInt(40_000);
            var plan = CartPlanner.plan(lots, budget);
            long optimum = optimum(lots, budget);

            assertThat(plan.totalCents()).isLessThanOrEqualTo(budget);
            assertThat(plan.totalCents()).as("round %d", round).isGreaterThanOrEqualTo(optimum * 97 / 100);
            for (var pick : plan.picks()) {
                var lot = lots.stream().filter(l -> l.lotId() == pick.lotId()).findFirst().orElseThrow();
                assertThat(pick.quantity()).isPositive().isLessThanOrEqualTo(lot.available());
                assertThat(pick.unitCents()).isEqualTo(lot.unitCents());
            }
        }
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
