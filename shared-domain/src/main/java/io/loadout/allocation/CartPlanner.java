package io.loadout.allocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Chooses units for a cart: goods cost never above the budget, oldest lots first, the budget used as fully as
 * possible. Plain arithmetic on cents, no I/O (ADR 0006, ADR 0019).
 *
 * <p>Greedy by age alone can leave up to one unit's cost unspent. So the greedy pass stops a reserve short of the
 * budget and an exact subset-sum ({@link ExactFill}, a bitset over every cent) fills the rest. When even that leaves
 * more than {@value #AGE_MAY_COST_PERCENT} % unspent compared with the fullest cart (an exact subset-sum over all
 * units, age only breaking ties), the fullest cart is taken.
 */
public final class CartPlanner {

    /**
     * The greedy pass leaves this many of the dearest affordable unit costs (and at least {@value #MIN_RESERVE_CENTS}
     * cents) for the exact fill. A larger reserve would be exact more often but trades age for it.
     */
    static final int RESERVE_UNITS = 5;
    static final long MIN_RESERVE_CENTS = 20_000;
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
        long dearest = oldestFirst.stream().filter(c -> c.available() > 0 && c.unitCents() <= budgetCents)
                .mapToLong(Candidate::unitCents).max().orElse(0);
        long reserve = Math.min(budgetCents, Math.max(RESERVE_UNITS * dearest, MIN_RESERVE_CENTS));
        var byAge = byAge(oldestFirst, budgetCents, reserve);
        // the fullest cart never exceeds the budget nor all the stock: when age is within 1 % of that, it wins
        long stock = oldestFirst.stream().mapToLong(c -> c.unitCents() * c.available()).sum();
        if (byAge.totalCents() * 100 >= Math.min(budgetCents, stock) * (100 - AGE_MAY_COST_PERCENT)) {
            return byAge;
        }
        int[] all = oldestFirst.stream().mapToInt(Candidate::available).toArray();
        var fullest = new Plan(ordered(oldestFirst, ExactFill.fill(oldestFirst, all, budgetCents)), budgetCents);
        return byAge.totalCents() * 100 >= fullest.totalCents() * (100 - AGE_MAY_COST_PERCENT) ? byAge : fullest;
    }

    /** Oldest lots first up to {@code reserve} short of the budget, then the reserve filled exactly. */
    private static Plan byAge(List<Candidate> oldestFirst, long budgetCents, long reserve) {
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
        picks.addAll(ExactFill.fill(oldestFirst, left, budgetCents - spent));
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
        return byLot.values().stream().filter(Objects::nonNull).toList();
    }
}
