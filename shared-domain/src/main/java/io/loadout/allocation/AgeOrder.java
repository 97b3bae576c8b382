package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Pallet;
import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Oldest units ship first (ADR 0019). The packer decides which units land on the last, least full pallet; when that
 * pallet is kept back it must hold the newest units. So the units are cut in age order: the newest ones, at least
 * as much billable size (the larger of volume and weight share, unit by unit) as the kept-back pallets held, go
 * onto those pallets, the older ones are packed onto the pallets that shipped. If the older part does not fit there, the cut moves {@value #GROW_SHARE} of a pallet towards
 * the older units, at most {@value #ATTEMPTS} times; the pallet count never grows.
 */
final class AgeOrder {

    static final double GROW_SHARE = 0.05;
    static final int ATTEMPTS = 6;

    private AgeOrder() {
    }

    /** True when no own unit on a kept-back pallet is older than an own unit that ships ({@code oldestFirst} order). */
    static boolean oldestShipFirst(List<Pallet> pallets, List<Units> oldestFirst) {
        var rank = new HashMap<Long, Integer>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            rank.put(oldestFirst.get(i).key(), i);
        }
        int newestShipped = pallets.stream().filter(Pallet::economical).flatMap(p -> p.lines().stream()).filter(l -> !l.units().topUp())
                .mapToInt(l -> rank.get(l.units().key())).max().orElse(-1);
        int oldestKept = pallets.stream().filter(p -> !p.economical()).flatMap(p -> p.lines().stream()).filter(l -> !l.units().topUp())
                .mapToInt(l -> rank.get(l.units().key())).min().orElse(Integer.MAX_VALUE);
        return oldestKept >= newestShipped;
    }

    /** The older units onto {@code shipped} pallets, the newest onto {@code kept} pallets; null if that fails. */
    static List<List<Units>> repack(Spec spec, List<Units> oldestFirst, int shipped, int kept, double keptShare) {
        if (oldestFirst.isEmpty()) {
            return null;
        }
        int group = oldestFirst.size();
        int inSuffix = 0; // units of oldestFirst[group] that belong to the newest part
        double share = 0;
        double grow = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            while (share < keptShare + grow
                    && !(group == 0 && inSuffix == oldestFirst.get(0).count())) {
                if (group == oldestFirst.size() || inSuffix == oldestFirst.get(group).count()) {
                    group--;
                    inSuffix = 0;
                }
                var u = oldestFirst.get(group);
                inSuffix++;
                share += FreightSharing.billable(spec, u);
            }
            var older = new ArrayList<Units>();
            var newer = new ArrayList<Units>();
            for (int i = 0; i < oldestFirst.size(); i++) {
                var u = oldestFirst.get(i);
                int newest = i < group ? 0 : i > group ? u.count() : inSuffix;
                if (u.count() - newest > 0) {
                    older.add(u.withCount(u.count() - newest));
                }
                if (newest > 0) {
                    newer.add(u.withCount(newest));
                }
            }
            var olderPacked = PalletPacking.pack(spec, older, shipped);
            if (olderPacked != null) {
                var newerPacked = PalletPacking.pack(spec, newer, kept);
                if (newerPacked == null) {
                    return null;
                }
                var pallets = new ArrayList<>(olderPacked);
                pallets.addAll(newerPacked);
                return pallets;
            }
            grow += GROW_SHARE;
        }
        return null;
    }
}
