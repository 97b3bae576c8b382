package io.loadout.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses units for a cart: goods cost never above the budget, oldest lots first, the budget used as fully as
 * possible. Plain arithmetic on cents, no I/O.
 *
 * <p>Greedy by age alone can leave up to one unit's cost unspent. So the greedy pass stops a reserve short of the
 * budget and an exact subset-sum over the still-available units fills the rest. When even that leaves more than
 * 1 % unspent compared with the fullest cart (a subset-sum over all units, age only breaking ties), the fullest
 * cart is taken. The subset-sum works on at most {@value #MAX_STEPS} steps: for larger sums costs are rounded up
 * to a coarser step, which may leave a little unspent but never overspends (ADR 0006).
 */
public final class CartPlanner {

    static final int MAX_STEPS = 20_000;
    /**
     * The greedy pass leaves this many of the dearest affordable unit costs (and at least {@value #MAX_STEPS} cents)
     * for the exact fill: budgets up to that are planned exactly.
     */
    static final int RESERVE_UNITS = 5;
    /** Age order wins unless the fullest cart is worth more than this share of the age-ordered one more. */
    static final int AGE_MAY_COST_PERCENT = 1;

    private CartPlanner() {
    }

    /** A lot that can supply units: cost per unit in cents, units available; {@code lots} come oldest first. */
    public record Candidate(long lotId, long unitCents, int available) {
        public Candidate {
            if (unitCents <= 0 || available < 0) {
                throw new IllegalArgumentException("unit cost must be positive and availability not negative");
            }
        }
    }

    public record Pick(long lotId, int quantity, long unitCents) {
        public long cents() {
            return quantity * unitCents;
        }
    }

    public record Plan(List<Pick> picks, long budgetCents) {
        public long totalCents() {
            return picks.stream().mapToLong(Pick::cents).sum();
        }
    }

    public static Plan plan(List<Candidate> oldestFirst, long budgetCents) {
        if (budgetCents <= 0) {
            return new Plan(List.of(), budgetCents);
        }
        var byAge = byAge(oldestFirst, budgetCents);
        if (byAge.totalCents() == budgetCents) {
            return byAge;
        }
        int[] all = oldestFirst.stream().mapToInt(Candidate::available).toArray();
        var fullest = new Plan(ordered(oldestFirst, fill(oldestFirst, all, budgetCents)), budgetCents);
        return byAge.totalCents() * 100 >= fullest.totalCents() * (100 - AGE_MAY_COST_PERCENT) ? byAge : fullest;
    }

    /** Oldest lots first up to a reserve short of the budget, then the reserve filled exactly. */
    private static Plan byAge(List<Candidate> oldestFirst, long budgetCents) {
        long dearest = oldestFirst.stream().filter(c -> c.available() > 0 && c.unitCents() <= budgetCents)
                .mapToLong(Candidate::unitCents).max().orElse(0);
        long reserve = Math.min(budgetCents, Math.max(RESERVE_UNITS * dearest, MAX_STEPS));
        var picks = new ArrayList<Pick>();
        int[] left = new int[oldestFirst.size()];
        long spent = 0;
        for (int i = 0; i < oldestFirst.size(); i++) {
            var c = oldestFirst.get(i);
            long room = budgetCents - reserve - spent;
            int units = (int) Math.min(c.available(), Math.max(0, room / c.unitCents()));
            left[i] = c.available() - units;
            if (units > 0) {
                picks.add(new Pick(c.lotId(), units, c.unitCents()));
                spent += units * c.unitCents();
            }
        }
        picks.addAll(fill(oldestFirst, left, budgetCents - spent));
        return new Plan(ordered(oldestFirst, picks), budgetCents);
    }

    /** One pick per lot, in the lots' (age) order. */
    private static List<Pick> ordered(List<Candidate> oldestFirst, List<Pick> picks) {
        var byLot = new LinkedHashMap<Long, Pick>();
        oldestFirst.forEach(c -> byLot.put(c.lotId(), null));
        for (var pick : picks) {
            byLot.merge(pick.lotId(), pick, (a, b) -> a == null ? b
                    : new Pick(a.lotId(), a.quantity() + b.quantity(), a.unitCents()));
        }
        return byLot.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The most that {@code room} cents can buy from the units left, exactly (0/1 subset-sum over binary-split
     * unit bundles, older lots preferred on ties).
     */
    static List<Pick> fill(List<Candidate> lots, int[] left, long room) {
        if (room <= 0) {
            return List.of();
        }
        long step = Math.max(1, (room + MAX_STEPS - 1) / MAX_STEPS);
        int slots = (int) (room / step);
        var bundleLot = new ArrayList<Integer>();
        var bundleUnits = new ArrayList<Integer>();
        var bundleSteps = new ArrayList<Integer>();
        for (int i = 0; i < lots.size(); i++) {
            long unitSteps = (lots.get(i).unitCents() + step - 1) / step;
            if (left[i] == 0 || unitSteps > slots) {
                continue;
            }
            int useful = (int) Math.min(left[i], slots / unitSteps);
            for (int size = 1; useful > 0; size <<= 1) {
                int units = Math.min(size, useful);
                bundleLot.add(i);
                bundleUnits.add(units);
                bundleSteps.add((int) (units * unitSteps));
                useful -= units;
            }
        }
        int[] via = new int[slots + 1];
        java.util.Arrays.fill(via, -1);
        boolean[] reach = new boolean[slots + 1];
        reach[0] = true;
        int best = 0;
        for (int b = 0; b < bundleSteps.size() && best < slots; b++) {
            int w = bundleSteps.get(b);
            for (int s = slots; s >= w; s--) {
                if (!reach[s] && reach[s - w]) {
                    reach[s] = true;
                    via[s] = b;
                    if (s > best) {
                        best = s;
                    }
                }
            }
        }
        Map<Integer, Integer> units = new LinkedHashMap<>();
        for (int s = best; s > 0; s -= bundleSteps.get(via[s])) {
            units.merge(bundleLot.get(via[s]), bundleUnits.get(via[s]), Integer::sum);
        }
        var picks = new ArrayList<Pick>();
        units.forEach((i, n) -> picks.add(new Pick(lots.get(i).lotId(), n, lots.get(i).unitCents())));
        return picks;
    }
}
