package io.loadout.allocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure pallet planning (no I/O): 3D-packs units into pallets ({@link PalletPacking}), the oldest units onto the
 * pallets that ship ({@link AgeOrder}), shares each pallet's freight among its units to the cent
 * ({@link FreightSharing}), tops pallets up with further units ({@link PalletTopUp}), and keeps back a pallet whose
 * units would pay more than their maximum shipping price, saying for each such line by how much and what would
 * fix it (ADR 0007, ADR 0019).
 */
public final class PalletPlanner {

    /**
     * Planning time after packing ({@link PlanningClock}) after which no further top-up candidate is tried: with the
     * packing and the database's share, generation stays within 200 ms. A repack for age gets
     * {@value #AGE_TOP_UP_MS} ms more for its own top-ups.
     */
    static final long TOP_UP_BUDGET_MS = 60;
    static final long AGE_TOP_UP_MS = 40;

    /** Sizes in inches and pounds. */
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

    /** More billable size the pallet would need, as pallet share, cubic inches and pounds. */
    public record Missing(double share, double cubicInches, double pounds) {
    }

    /**
     * A line that would pay more than its ASIN's max shipping: {@code overBy} a unit. It would ship with
     * {@code missing} more billable size on the pallet, or with a max shipping of {@code shippingPerUnit}.
     */
    public record Excess(Units units, BigDecimal shippingPerUnit, BigDecimal overBy, Missing missing) {
    }

    /** {@code missing} is the largest of the excesses' (what makes every line pay its way); null when economical. */
    public record Pallet(List<Line> lines, double volumeIn3, double weightLb, double volumeFill, double weightFill,
                         BigDecimal shipping, boolean economical, Missing missing, List<Excess> excesses) {

        public int units() {
            return lines.stream().mapToInt(Line::count).sum();
        }

        public boolean full(BigDecimal fullAt) {
            return PalletPlanner.full(volumeFill, weightFill, fullAt);
        }
    }

    /** A pallet filled to {@code fullAt} of its volume or of its weight counts as full ("full pallet ready"). */
    public static boolean full(double volumeFill, double weightFill, BigDecimal fullAt) {
        return Math.max(volumeFill, weightFill) >= fullAt.doubleValue();
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
     * Packs {@code units} (oldest first); pallets that are not full are topped up from {@code topUps} (oldest
     * first). {@code money} pays first for the shipping of the pallets that pay their way as packed; what is left is
     * spent on top-up goods.
     */
    public static Plan plan(Spec spec, List<Units> units, List<Units> topUps, BigDecimal money) {
        long started = System.nanoTime();
        var fits = new ArrayList<Units>();
        var unpackable = new ArrayList<Units>();
        for (var u : units) {
            if (u.count() > 0) {
                (PalletPacking.fitsOnAPallet(spec, u) ? fits : unpackable).add(u);
            }
        }
        var packed = PalletPacking.fewerLargestFirst(spec, fits, PalletPacking.packAll(spec, fits));
        long startCpu = PlanningClock.millis();
        var pallets = finish(spec, packed, topUps, money, startCpu + TOP_UP_BUDGET_MS);
        int kept = (int) pallets.stream().filter(p -> !p.economical()).count();
        if (kept > 0 && kept < pallets.size() && !AgeOrder.oldestShipFirst(pallets, fits)) {
            var keptOwn = pallets.stream().filter(p -> !p.economical()).flatMap(p -> p.lines().stream())
                    .filter(l -> !l.units().topUp()).toList();
            var aged = AgeOrder.repack(spec, fits, pallets.size() - kept, kept,
                    keptOwn.stream().mapToDouble(l -> FreightSharing.billable(spec, l.units()) * l.count()).sum());
            if (aged != null) {
                var again = finish(spec, aged, topUps, money,
                        Math.max(startCpu + TOP_UP_BUDGET_MS, PlanningClock.millis() + AGE_TOP_UP_MS));
                if (AgeOrder.oldestShipFirst(again, fits)) {
                    pallets = again;
                }
            }
        }
        return new Plan(pallets, unpackable, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Prices the packed pallets, tops up those not full while money and time are left (the ones that do not pay
     * their way as packed first), and prices them again.
     */
    private static List<Pallet> finish(Spec spec, List<List<Units>> packed, List<Units> topUps, BigDecimal money,
                                       long topUpDeadline) {
        var asPacked = packed.stream().map(content -> FreightSharing.price(spec, content)).toList();
        BigDecimal ownShipping = asPacked.stream().filter(Pallet::economical).map(Pallet::shipping)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        var pool = new ArrayList<>(topUps.stream()
                .filter(u -> u.count() > 0 && PalletPacking.fitsOnAPallet(spec, u)).toList());
        BigDecimal budget = money.subtract(ownShipping).max(BigDecimal.ZERO);
        var pallets = new ArrayList<>(asPacked);
        var order = new ArrayList<Integer>();
        for (int i = 0; i < packed.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> asPacked.get(i).economical()));
        for (int i : order) {
            var priced = asPacked.get(i);
            if (!priced.full(spec.fullAt()) && !pool.isEmpty() && budget.signum() > 0
                    && PlanningClock.millis() < topUpDeadline) {
                var toppedUp = PalletTopUp.topUp(spec, packed.get(i), pool, budget, topUpDeadline);
                budget = budget.subtract(PalletTopUp.goods(toppedUp).subtract(PalletTopUp.goods(packed.get(i))));
                pallets.set(i, FreightSharing.price(spec, toppedUp));
            }
        }
        return pallets;
    }

    /** The fewest pallets any packing could use: total volume and weight over one pallet's, rounded up. */
    public static int lowerBound(Spec spec, List<Units> units) {
        return (int) Math.ceil(fill(spec, units) - 1e-9);
    }

    /** How many pallets' worth the units are: the larger of their total volume and weight over one pallet's. */
    static double fill(Spec spec, List<Units> units) {
        double volume = units.stream().mapToDouble(u -> u.volume() * u.count()).sum();
        double weight = units.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum();
        return Math.max(volume / spec.volume(), weight / spec.weight());
    }

    /** Shares the freight of one pallet of {@code content} (see {@link FreightSharing}). */
    static Pallet price(Spec spec, List<Units> content) {
        return FreightSharing.price(spec, content);
    }

    /**
     * Runs the planner once on a small fixed dataset (packing, age order, the second packer, top-ups, pricing), so
     * that the first real generation does not pay for class loading and the interpreter. Call it at start-up.
     */
    public static void warmUp() {
        PlannerWarmUp.run();
    }
}
