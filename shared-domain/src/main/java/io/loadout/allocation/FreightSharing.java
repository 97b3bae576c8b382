package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Excess;
import io.loadout.allocation.PalletPlanner.Line;
import io.loadout.allocation.PalletPlanner.Missing;
import io.loadout.allocation.PalletPlanner.Pallet;
import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shares a pallet's freight among its units by billable size, to the cent (ADR 0007, ADR 0019).
 *
 * <p>A unit's billable share is the larger of its part of the pallet's volume and of its weight capacity. Units
 * whose proportional part would fall below their ASIN's minimum pay the minimum; the others share what is left in
 * proportion (repeated until no new unit drops below its minimum). Every unit of a line pays the same price (one
 * row per allocation), so the cents that rounding down leaves over go to whole lines, largest remainder first, and
 * never to a line they would take over its max. The pallet then collects exactly its freight whenever some lines'
 * unit counts add up to those cents (always when every line has a single unit), otherwise a few cents less, never
 * more. Only the minimums can push the total above the freight: when the minimums alone exceed it, every unit
 * pays its minimum.
 */
final class FreightSharing {

    private FreightSharing() {
    }

    static Pallet price(Spec spec, List<Units> content) {
        var lines = content.stream().sorted(Comparator.comparing(Units::asin).thenComparing(Units::key)).toList();
        int n = lines.size();
        double[] billable = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            billable[i] = billable(spec, lines.get(i));
            total += billable[i] * lines.get(i).count();
        }
        long[] cents = centsPerUnit(spec, lines, billable);
        var priced = new ArrayList<Line>();
        var excesses = new ArrayList<Excess>();
        BigDecimal shipping = BigDecimal.ZERO;
        double freight = spec.freight().doubleValue();
        for (int i = 0; i < n; i++) {
            var u = lines.get(i);
            BigDecimal perUnit = BigDecimal.valueOf(cents[i], 2);
            priced.add(new Line(u, u.count(), perUnit));
            shipping = shipping.add(perUnit.multiply(BigDecimal.valueOf(u.count())));
            if (perUnit.compareTo(u.maxShip()) > 0) {
                // at its max, the unit's part F × b / T asks for a total share T of at least F × b / max
                double needed = freight * billable[i] / Math.max(u.maxShip().doubleValue(), 0.005) - total;
                excesses.add(new Excess(u, perUnit, perUnit.subtract(u.maxShip()), missing(spec, needed)));
            }
        }
        Missing missing = excesses.stream().map(Excess::missing).max(Comparator.comparingDouble(Missing::share)).orElse(null);
        double volume = content.stream().mapToDouble(u -> u.volume() * u.count()).sum();
        double weight = content.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum();
        return new Pallet(priced, volume, weight, volume / spec.volume(), weight / spec.weight(), shipping,
                excesses.isEmpty(), missing, excesses);
    }

    static double billable(Spec spec, Units u) {
        return Math.max(u.volume() / spec.volume(), u.weightLb().doubleValue() / spec.weight());
    }

    private static Missing missing(Spec spec, double share) {
        double s = Math.max(0, share);
        return new Missing(s, s * spec.volume(), s * spec.weight());
    }

    /** Each line's price per unit in cents: minimums first, the rest of the freight by share, cents by remainder. */
    private static long[] centsPerUnit(Spec spec, List<Units> lines, double[] billable) {
        int n = lines.size();
        long freight = spec.freight().movePointRight(2).longValueExact();
        long[] min = new long[n];
        long[] max = new long[n];
        for (int i = 0; i < n; i++) {
            min[i] = lines.get(i).minShip().movePointRight(2).longValue();
            max[i] = lines.get(i).maxShip().movePointRight(2).longValue();
        }
        boolean[] atMin = new boolean[n];
        long rest;
        double[] raw = new double[n];
        boolean changed;
        do {
            rest = freight;
            double free = 0;
            for (int i = 0; i < n; i++) {
                if (atMin[i]) {
                    rest -= min[i] * lines.get(i).count();
                } else {
                    free += billable[i] * lines.get(i).count();
                }
            }
            changed = false;
            for (int i = 0; i < n; i++) {
                if (!atMin[i]) {
                    raw[i] = Math.max(0, rest) * billable[i] / free;
                    if (raw[i] < min[i]) {
                        atMin[i] = true;
                        changed = true;
                    }
                }
            }
        } while (changed);
        long[] cents = new long[n];
        long left = Math.max(0, rest);
        var free = new ArrayList<Integer>();
        for (int i = 0; i < n; i++) {
            cents[i] = atMin[i] ? min[i] : (long) Math.floor(raw[i] + 1e-7);
            if (!atMin[i]) {
                left -= cents[i] * lines.get(i).count();
                if (cents[i] + 1 <= max[i]) { // a rounding cent never takes a line over its max
                    free.add(i);
                }
            }
        }
        free.sort(Comparator.comparingDouble(i -> -(raw[i] - cents[i])));
        for (int i : CentsDistribution.linesFor(free, lines, left)) {
            cents[i]++;
        }
        return cents;
    }
}
