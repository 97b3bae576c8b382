package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * Which lines get one cent more per unit so that their unit counts add up to {@code cents}: the lines in
 * {@code byPriority} order while they fit, and when that does not land exactly, the first exact (or largest) subset
 * of counts a small subset-sum finds (the cents are fewer than the pallet's units, so it is cheap).
 */
final class CentsDistribution {

    private CentsDistribution() {
    }

    static List<Integer> linesFor(List<Integer> byPriority, List<Units> lines, long cents) {
        var greedy = new ArrayList<Integer>();
        long left = cents;
        for (int i : byPriority) {
            int count = lines.get(i).count();
            if (count <= left) {
                greedy.add(i);
                left -= count;
            }
        }
        if (left == 0 || cents <= 0) {
            return greedy;
        }
        int target = (int) cents;
        int[] via = new int[target + 1];
        java.util.Arrays.fill(via, -1);
        boolean[] reach = new boolean[target + 1];
        reach[0] = true;
        for (int k = 0; k < byPriority.size() && !reach[target]; k++) {
            int w = lines.get(byPriority.get(k)).count();
            for (int s = target; s >= w; s--) {
                if (!reach[s] && reach[s - w]) {
                    reach[s] = true;
                    via[s] = k;
                }
            }
        }
        int best = target;
        while (!reach[best]) {
            best--;
        }
        if (best <= cents - left) {
            return greedy;
        }
        var chosen = new ArrayList<Integer>();
        for (int s = best; s > 0; s -= lines.get(byPriority.get(via[s])).count()) {
            chosen.add(byPriority.get(via[s]));
        }
        return chosen;
    }
}
