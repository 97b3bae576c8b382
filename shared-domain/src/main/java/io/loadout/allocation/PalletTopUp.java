package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Tops a pallet that is not full up with further units, oldest first, within the money (ADR 0007). */
final class PalletTopUp {

    /** Candidates in a row that cannot add even one unit before the pallet counts as packed out. */
    static final int PACKED_OUT_AFTER = 3;

    private PalletTopUp() {
    }

    /**
     * Adds units from the pool (oldest first) while the pallet has room, checking each addition with a real pack
     * of the whole pallet; takes what it adds out of the pool. One pack tells whether a single unit still fits, a
     * second whether all that room and money allow fit; only in between does it search. No candidate is started
     * after {@code deadlineMillis} ({@link PlanningClock}).
     */
    static List<Units> topUp(Spec spec, List<Units> content, List<Units> pool, BigDecimal budget, long deadlineMillis) {
        var current = new ArrayList<>(content);
        BigDecimal left = budget;
        int misses = 0;
        for (int i = 0; i < pool.size() && misses < PACKED_OUT_AFTER && PlanningClock.millis() < deadlineMillis; i++) {
            var candidate = pool.get(i);
            double volumeLeft = spec.volume() - current.stream().mapToDouble(u -> u.volume() * u.count()).sum();
            double weightLeft = spec.weight() - current.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum();
            int byRoom = (int) Math.min(volumeLeft / candidate.volume(), weightLeft / candidate.weightLb().doubleValue());
            int byMoney = left.divide(candidate.unitCost(), 0, RoundingMode.DOWN).intValue();
            int most = Math.min(candidate.count(), Math.min(byRoom, byMoney));
            if (most == 0) {
                continue;
            }
            var one = packsOnOnePallet(spec, current, candidate, 1);
            if (one == null) {
                misses++;
                continue;
            }
            misses = 0;
            // the most units of this candidate that still pack onto this one pallet: lo fits, above hi does not
            int lo = 1;
            List<Units> best = one;
            var all = most == 1 ? null : packsOnOnePallet(spec, current, candidate, most);
            if (all != null) {
                lo = most;
                best = all;
            }
            int hi = all != null ? most : most - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) / 2;
                var packed = packsOnOnePallet(spec, current, candidate, mid);
                if (packed != null) {
                    lo = mid;
                    best = packed;
                } else {
                    hi = mid - 1;
                }
            }
            current = new ArrayList<>(best);
            left = left.subtract(candidate.unitCost().multiply(BigDecimal.valueOf(lo)));
            pool.set(i, candidate.withCount(candidate.count() - lo));
            if (FreightSharing.price(spec, current).full(spec.fullAt())) {
                break;
            }
        }
        pool.removeIf(u -> u.count() == 0);
        return current;
    }

    /** The pallet's content with {@code count} more of the candidate, if all of it packs onto one pallet; else null. */
    static List<Units> packsOnOnePallet(Spec spec, List<Units> current, Units candidate, int count) {
        var trial = new ArrayList<>(current);
        trial.add(candidate.withCount(count));
        var merged = merge(trial);
        var packed = PalletPacking.pack(spec, merged, 1);
        boolean all = packed != null && packed.size() == 1 && packed.get(0).stream().mapToInt(Units::count).sum()
                == merged.stream().mapToInt(Units::count).sum();
        return all ? merged : null;
    }

    private static List<Units> merge(List<Units> units) {
        var merged = new LinkedHashMap<String, Units>();
        for (var u : units) {
            merged.merge((u.topUp() ? "t" : "a") + u.key(), u, (a, b) -> a.withCount(a.count() + b.count()));
        }
        return List.copyOf(merged.values());
    }

    /** The goods cost of the top-up units among {@code units}. */
    static BigDecimal goods(List<Units> units) {
        return units.stream().filter(Units::topUp).map(u -> u.unitCost().multiply(BigDecimal.valueOf(u.count())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
