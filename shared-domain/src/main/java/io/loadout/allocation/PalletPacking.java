package io.loadout.allocation;

import com.github.skjolber.packing.api.Box;
import com.github.skjolber.packing.api.Container;
import com.github.skjolber.packing.api.ContainerItem;
import com.github.skjolber.packing.api.DefaultStack;
import com.github.skjolber.packing.api.StackPlacement;
import com.github.skjolber.packing.api.StackableItem;
import com.github.skjolber.packing.packer.AbstractPackager;
import com.github.skjolber.packing.packer.laff.LargestAreaFitFirstPackager;
import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Real 3D packing with {@code 3d-bin-container-packing} (ADR 0007): largest-area-fit-first. Dimensions are packed
 * in tenths of an inch and weights in hundredths of a pound, rounded up, so a packing never exceeds the real pallet.
 */
final class PalletPacking {

    private PalletPacking() {
    }

    /**
     * LAFF in the given (age) order. The library's plain packer saves a pallet on 1 of the bench's 20 datasets, but
     * takes 300-600 ms for it, beyond the 200 ms budget: it is left to the bench's comparison.
     */
    static List<List<Units>> packAll(Spec spec, List<Units> units) {
        return pack(spec, units, Integer.MAX_VALUE);
    }

    /**
     * The highest average fill a second packing order is tried for: LAFF reached 93 % on the bench's datasets and
     * never 94 % or more, so beyond this the attempt would only cost time.
     */
    static final double REACHABLE_FILL = 0.95;

    /**
     * LAFF once more with the largest units first, when {@code packed} uses more pallets than the lower bound and one
     * pallet fewer would be at most {@link #REACHABLE_FILL} full on average: LAFF's result depends on the order it is
     * given, and this order saves a pallet on 2 of the bench's 20 datasets (reaching the bound) for 10-20 ms. The
     * fewer pallets win, {@code packed} on a tie.
     */
    static List<List<Units>> fewerLargestFirst(Spec spec, List<Units> units, List<List<Units>> packed) {
        int fewerPallets = packed.size() - 1;
        if (fewerPallets < PalletPlanner.lowerBound(spec, units)
                || PalletPlanner.fill(spec, units) / fewerPallets > REACHABLE_FILL) {
            return packed;
        }
        var largestFirst = new ArrayList<>(units);
        largestFirst.sort(Comparator.comparingDouble(Units::volume).reversed());
        var fewer = pack(spec, largestFirst, fewerPallets);
        return fewer != null ? fewer : packed;
    }

    static boolean fitsOnAPallet(Spec spec, Units u) {
        double[] box = sorted(u.lengthIn(), u.widthIn(), u.heightIn());
        double[] pallet = sorted(spec.lengthIn(), spec.widthIn(), spec.heightIn());
        return box[0] <= pallet[0] && box[1] <= pallet[1] && box[2] <= pallet[2]
                && u.weightLb().compareTo(spec.maxWeightLb()) <= 0;
    }

    private static double[] sorted(BigDecimal a, BigDecimal b, BigDecimal c) {
        double[] d = {a.doubleValue(), b.doubleValue(), c.doubleValue()};
        Arrays.sort(d);
        return d;
    }

    /** LAFF onto at most {@code maxPallets}; the units on each pallet, in the packer's order; null if more are needed. */
    static List<List<Units>> pack(Spec spec, List<Units> units, int maxPallets) {
        return pack(spec, units, maxPallets, LargestAreaFitFirstPackager.newBuilder().build(), -1);
    }

    static List<List<Units>> pack(Spec spec, List<Units> units, int maxPallets, AbstractPackager<?, ?> packager,
                                  long deadlineMillis) {
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
        var builder = packager.newResultBuilder()
                .withContainers(ContainerItem.newListBuilder().withContainer(pallet, limit).build())
                .withStackables(items).withMaxContainerCount(limit);
        if (deadlineMillis > 0) {
            builder.withDeadline(deadlineMillis);
        }
        var result = builder.build();
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

    private static int tenths(BigDecimal inches) {
        return inches.movePointRight(1).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    private static int hundredths(BigDecimal pounds) {
        return pounds.movePointRight(2).setScale(0, RoundingMode.CEILING).intValueExact();
    }
}
