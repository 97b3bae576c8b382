package io.loadout.allocation;

import com.github.skjolber.packing.api.Box;
import com.github.skjolber.packing.api.Container;
import com.github.skjolber.packing.api.ContainerItem;
import com.github.skjolber.packing.api.DefaultStack;
import com.github.skjolber.packing.api.StackPlacement;
import com.github.skjolber.packing.api.StackableItem;
import com.github.skjolber.packing.packer.AbstractPackager;
import com.github.skjolber.packing.packer.laff.LargestAreaFitFirstPackager;
import com.github.skjolber.packing.packer.plain.PlainPackager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Pure pallet planning (no I/O): 3D-packs units into pallets, shares each pallet's freight among its units by
 * billable size, tops pallets up with further units, and keeps back a pallet whose units would pay more than their
 * maximum shipping price (ADR 0007).
 *
 * <p>A unit's billable share is the larger of its part of the pallet's volume and of its weight capacity; its
 * shipping is the freight × its share ÷ the pallet's total share, but never below the ASIN's minimum.
 */
public final class PalletPlanner {

    /** Sizes in inches and pounds; dimensions are packed in tenths of an inch, weights in hundredths of a pound. */
    public record Spec(BigDecimal lengthIn, BigDecimal widthIn, BigDecimal heightIn, BigDecimal maxWeightLb,
                       BigDecimal freight, BigDecimal fullAt) {

        double volume() {
            return lengthIn.doubleValue() * widthIn.doubleValue() * heightIn.doubleValue();
        }

        double weight() {
            return maxWeightLb.doubleValue();
        }
    }

    /**
     * Units of one kind: {@code key} identifies them to the caller (an allocation id, or a lot id for a top-up),
     * all with the same package, weight and shipping range.
     */
    public record Units(long key, long lotId, String asin, BigDecimal lengthIn, BigDecimal widthIn, BigDecimal heightIn,
                        BigDecimal weightLb, BigDecimal minShip, BigDecimal maxShip, BigDecimal unitCost, int count,
                        boolean topUp) {

        double volume() {
            return lengthIn.doubleValue() * widthIn.doubleValue() * heightIn.doubleValue();
        }

        Units withCount(int n) {
            return new Units(key, lotId, asin, lengthIn, widthIn, heightIn, weightLb, minShip, maxShip, unitCost, n, topUp);
        }
    }

    /** A line of a planned pallet: {@code count} units of {@code units.key()} at {@code shippingPerUnit}. */
    public record Line(Units units, int count, BigDecimal shippingPerUnit) {
    }

    /** What a kept-back pallet lacks: more billable size, as pallet share, cubic inches and pounds. */
    public record Missing(double share, double cubicInches, double pounds) {
    }

    public record Pallet(List<Line> lines, double volumeIn3, double weightLb, double volumeFill, double weightFill,
                         BigDecimal shipping, boolean economical, Missing missing) {

        public int units() {
            return lines.stream().mapToInt(Line::count).sum();
        }

        public boolean full(BigDecimal fullAt) {
            return Math.max(volumeFill, weightFill) >= fullAt.doubleValue();
        }
    }

    public record Plan(List<Pallet> pallets, List<Units> unpackable, long millis) {

        public List<Pallet> economical() {
            return pallets.stream().filter(Pallet::economical).toList();
        }

        public List<Pallet> keptBack() {
            return pallets.stream().filter(p -> !p.economical()).toList();
        }
    }

    private PalletPlanner() {
    }

    /**
     * Packs {@code units}; pallets that are not full are topped up from {@code topUps} (oldest first). {@code money}
     * pays first for the shipping of the pallets that pay their way as packed; what is left is spent on top-up goods.
     */
    public static Plan plan(Spec spec, List<Units> units, List<Units> topUps, BigDecimal money) {
        long started = System.nanoTime();
        var fits = new ArrayList<Units>();
        var unpackable = new ArrayList<Units>();
        for (var u : units) {
            if (u.count() > 0) {
                (fitsOnAPallet(spec, u) ? fits : unpackable).add(u);
            }
        }
        var packed = pack(spec, fits, Integer.MAX_VALUE);
        if (packed != null && packed.size() > lowerBound(spec, fits)) {
            // a second, different packer may need one pallet fewer
            var tighter = pack(spec, fits, packed.size() - 1, PlainPackager.newBuilder().build());
            if (tighter != null) {
                packed = tighter;
            }
        }
        var asPacked = packed.stream().map(content -> price(spec, content)).toList();
        BigDecimal ownShipping = asPacked.stream().filter(Pallet::economical).map(Pallet::shipping)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var pool = new ArrayList<>(topUps.stream().filter(u -> u.count() > 0 && fitsOnAPallet(spec, u)).toList());
        BigDecimal budget = money.subtract(ownShipping).max(BigDecimal.ZERO);
        var pallets = new ArrayList<Pallet>();
        for (int i = 0; i < packed.size(); i++) {
            var priced = asPacked.get(i);
            if (!priced.full(spec.fullAt()) && !pool.isEmpty() && budget.signum() > 0) {
                var toppedUp = topUp(spec, packed.get(i), pool, budget);
                budget = budget.subtract(goods(toppedUp).subtract(goods(packed.get(i))));
                priced = price(spec, toppedUp);
            }
            pallets.add(priced);
        }
        return new Plan(pallets, unpackable, (System.nanoTime() - started) / 1_000_000);
    }

    /** The fewest pallets any packing could use: total volume and weight over one pallet's, rounded up. */
    public static int lowerBound(Spec spec, List<Units> units) {
        double volume = units.stream().mapToDouble(u -> u.volume() * u.count()).sum();
        double weight = units.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum();
        return (int) Math.ceil(Math.max(volume / spec.volume(), weight / spec.weight()) - 1e-9);
    }

    static boolean fitsOnAPallet(Spec spec, Units u) {
        double[] box = sorted(u.lengthIn(), u.widthIn(), u.heightIn());
        double[] pallet = sorted(spec.lengthIn(), spec.widthIn(), spec.heightIn());
        return box[0] <= pallet[0] && box[1] <= pallet[1] && box[2] <= pallet[2]
                && u.weightLb().compareTo(spec.maxWeightLb()) <= 0;
    }

    private static double[] sorted(BigDecimal a, BigDecimal b, BigDecimal c) {
        double[] d = {a.doubleValue(), b.doubleValue(), c.doubleValue()};
        java.util.Arrays.sort(d);
        return d;
    }

    /** Real 3D packing (largest-area-fit-first); returns the units on each pallet, in the packer's order. */
    static List<List<Units>> pack(Spec spec, List<Units> units, int maxPallets) {
        return pack(spec, units, maxPallets, LargestAreaFitFirstPackager.newBuilder().build());
    }

    static List<List<Units>> pack(Spec spec, List<Units> units, int maxPallets, AbstractPackager<?, ?> packager) {
        if (units.isEmpty()) {
            return List.of();
        }
        var byKey = new LinkedHashMap<String, Units>();
        var items = new ArrayList<StackableItem>();
        for (var u : units) {
            String id = (u.topUp() ? "t" : "a") + u.key();
            byKey.put(id, u);
            items.add(new StackableItem(Box.newBuilder().withId(id)
                    .withSize(tenths(u.lengthIn()), tenths(u.widthIn()), tenths(u.heightIn()))
                    .withWeight(hundredths(u.weightLb())).withRotate3D().build(), u.count()));
        }
        Container pallet = Container.newBuilder().withDescription("pallet")
                .withSize(tenths(spec.lengthIn()), tenths(spec.widthIn()), tenths(spec.heightIn()))
                .withEmptyWeight(0).withMaxLoadWeight(hundredths(spec.maxWeightLb())).withStack(new DefaultStack()).build();
        int limit = Math.min(maxPallets, units.stream().mapToInt(Units::count).sum());
        var result = packager.newResultBuilder()
                .withContainers(ContainerItem.newListBuilder().withContainer(pallet, limit).build())
                .withStackables(items).withMaxContainerCount(limit).build();
        if (!result.isSuccess()) {
            return null;
        }
        var pallets = new ArrayList<List<Units>>();
        for (var container : result.getContainers()) {
            var counts = new LinkedHashMap<String, Integer>();
            for (StackPlacement placement : container.getStack().getPlacements()) {
                counts.merge(placement.getStackable().getId(), 1, Integer::sum);
            }
            pallets.add(counts.entrySet().stream().map(e -> byKey.get(e.getKey()).withCount(e.getValue())).toList());
        }
        return pallets;
    }

    /** Candidates in a row that cannot add even one unit before the pallet counts as packed out. */
    static final int PACKED_OUT_AFTER = 3;

    /**
     * Adds units from the pool (oldest first) while the pallet has room, checking each addition with a real pack
     * of the whole pallet; takes what it adds out of the pool. One pack tells whether a single unit still fits, a
     * second whether all that room and money allow fit; only in between does it search.
     */
    private static List<Units> topUp(Spec spec, List<Units> content, List<Units> pool, BigDecimal budget) {
        var current = new ArrayList<>(content);
        BigDecimal left = budget;
        int misses = 0;
        for (int i = 0; i < pool.size() && misses < PACKED_OUT_AFTER; i++) {
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
            if (price(spec, current).full(spec.fullAt())) {
                break;
            }
        }
        pool.removeIf(u -> u.count() == 0);
        return current;
    }

    /** The pallet's content with {@code count} more of the candidate, if all of it packs onto one pallet; else null. */
    private static List<Units> packsOnOnePallet(Spec spec, List<Units> current, Units candidate, int count) {
        var trial = new ArrayList<>(current);
        trial.add(candidate.withCount(count));
        var merged = merge(trial);
        var packed = pack(spec, merged, 1);
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

    private static BigDecimal goods(List<Units> units) {
        return units.stream().filter(Units::topUp).map(u -> u.unitCost().multiply(BigDecimal.valueOf(u.count())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Shares the freight; marks the pallet uneconomical, with what it lacks, when any unit would exceed its max. */
    static Pallet price(Spec spec, List<Units> content) {
        double volume = content.stream().mapToDouble(u -> u.volume() * u.count()).sum();
        double weight = content.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum();
        double total = content.stream().mapToDouble(u -> billable(spec, u) * u.count()).sum();
        double freight = spec.freight().doubleValue();
        double needed = 0;
        var lines = new ArrayList<Line>();
        BigDecimal shipping = BigDecimal.ZERO;
        for (var u : content.stream().sorted(Comparator.comparing(Units::asin).thenComparing(Units::key)).toList()) {
            double share = freight * billable(spec, u) / total;
            needed = Math.max(needed, freight * billable(spec, u) / Math.max(u.maxShip().doubleValue(), 0.005));
            BigDecimal perUnit = BigDecimal.valueOf(share).setScale(2, RoundingMode.HALF_UP).max(u.minShip());
            lines.add(new Line(u, u.count(), perUnit));
            shipping = shipping.add(perUnit.multiply(BigDecimal.valueOf(u.count())));
        }
        boolean economical = lines.stream().allMatch(l -> l.shippingPerUnit().compareTo(l.units().maxShip()) <= 0);
        Missing missing = economical ? null
                : new Missing(needed - total, (needed - total) * spec.volume(), (needed - total) * spec.weight());
        return new Pallet(lines, volume, weight, volume / spec.volume(), weight / spec.weight(), shipping, economical, missing);
    }

    static double billable(Spec spec, Units u) {
        return Math.max(u.volume() / spec.volume(), u.weightLb().doubleValue() / spec.weight());
    }

    private static int tenths(BigDecimal inches) {
        return inches.movePointRight(1).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    private static int hundredths(BigDecimal pounds) {
        return pounds.movePointRight(2).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
