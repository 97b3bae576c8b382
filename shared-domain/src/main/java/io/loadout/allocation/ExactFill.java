package io.loadout.allocation;

import io.loadout.allocation.CartPlanner.Candidate;
import io.loadout.allocation.CartPlanner.Pick;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The most that {@code room} cents can buy from the units left, exactly: a 0/1 subset-sum over binary-split unit
 * bundles on every cent, the reachable sums kept as a bitset (a bundle of w cents is one shift-and-or of the set).
 * Each sum remembers the first bundle that reached it, which is enough to rebuild the subset, since that bundle's
 * predecessor sum was reached by earlier bundles only. Older lots come first, so ties go to older units.
 * Cost: bundles × room / 64 word operations, a few ms for a 40,000-cent reserve over 1,000 lots.
 */
final class ExactFill {

    private ExactFill() {
    }

    static List<Pick> fill(List<Candidate> lots, int[] left, long room) {
        if (room <= 0) {
            return List.of();
        }
        long stock = 0;
        for (int i = 0; i < lots.size(); i++) {
            stock += lots.get(i).unitCents() * left[i];
        }
        int slots = (int) Math.min(room, stock);
        var bundleLot = new ArrayList<Integer>();
        var bundleUnits = new ArrayList<Integer>();
        var bundleCents = new ArrayList<Integer>();
        for (int i = 0; i < lots.size(); i++) {
            long unit = lots.get(i).unitCents();
            if (left[i] == 0 || unit > slots) {
                continue;
            }
            int useful = (int) Math.min(left[i], slots / unit);
            for (int size = 1; useful > 0; size <<= 1) {
                int units = Math.min(size, useful);
                bundleLot.add(i);
                bundleUnits.add(units);
                bundleCents.add((int) (units * unit));
                useful -= units;
            }
        }
        int words = (slots >>> 6) + 1;
        long[] reach = new long[words];
        long[] shifted = new long[words];
        reach[0] = 1L;
        int[] via = new int[slots + 1];
        int best = 0;
        for (int b = 0; b < bundleCents.size() && best < slots; b++) {
            int w = bundleCents.get(b);
            shiftLeft(reach, w, shifted);
            for (int k = 0; k < words; k++) {
                long fresh = shifted[k] & ~reach[k];
                while (fresh != 0) {
                    int s = (k << 6) + Long.numberOfTrailingZeros(fresh);
                    fresh &= fresh - 1;
                    if (s <= slots) {
                        reach[k] |= 1L << s;
                        via[s] = b;
                        best = Math.max(best, s);
                    }
                }
            }
        }
        var units = new LinkedHashMap<Integer, Integer>();
        for (int s = best; s > 0; s -= bundleCents.get(via[s])) {
            units.merge(bundleLot.get(via[s]), bundleUnits.get(via[s]), Integer::sum);
        }
        var picks = new ArrayList<Pick>();
        units.forEach((i, n) -> picks.add(new Pick(lots.get(i).lotId(), n, lots.get(i).unitCents())));
        return picks;
    }

    /** {@code out} = {@code bits} shifted towards higher sums by {@code by} bits (bits past the end dropped). */
    private static void shiftLeft(long[] bits, int by, long[] out) {
        int wordShift = by >>> 6;
        int bitShift = by & 63;
        for (int k = out.length - 1; k >= 0; k--) {
            int from = k - wordShift;
            long v = from >= 0 ? bits[from] << bitShift : 0;
            if (bitShift != 0 && from - 1 >= 0) {
                v |= bits[from - 1] >>> (64 - bitShift);
            }
            out[k] = v;
        }
    }
}
