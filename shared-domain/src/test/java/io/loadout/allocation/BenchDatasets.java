package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The allocation bench's generated data (50 SKUs, 1,000 units) and its naive ASIN-after-ASIN filler. */
final class BenchDatasets {

    static final int SKUS = 50;
    static final int UNITS = 1_000;
    static final Spec PALLET = new Spec(new BigDecimal("48"), new BigDecimal("40"), new BigDecimal("72"),
            new BigDecimal("2200"), new BigDecimal("1000.00"), new BigDecimal("0.90"));

    record Sku(String asin, String l, String w, String h, String weight, String min, String max, int count, int ageDays) {
    }

    private BenchDatasets() {
    }

    static List<Sku> skus(int seed) {
        long[] next = {seed * 100L};
        return skus(seed, () -> String.format("B%09d", next[0]++));
    }

    /** The bench's original data: the same random sequence for sizes, weights, prices and ages. */
    static List<Sku> skus(int seed, java.util.function.Supplier<String> asins) {
        var random = new Random(seed);
        int[] counts = new int[SKUS];
        for (int i = 0; i < UNITS; i++) {
            counts[random.nextInt(SKUS)]++;
        }
        var skus = new ArrayList<Sku>();
        for (int s = 0; s < SKUS; s++) {
            BigDecimal min = BigDecimal.valueOf(50 + random.nextInt(250), 2);
            skus.add(new Sku(asins.get(), String.valueOf(4 + random.nextInt(16)),
                    String.valueOf(4 + random.nextInt(12)), String.valueOf(2 + random.nextInt(10)),
                    BigDecimal.valueOf(5 + random.nextInt(95), 1).toString(), min.toString(),
                    min.add(new BigDecimal("40.00")).toString(), counts[s], random.nextInt(365)));
        }
        return skus;
    }

    /** The SKUs as the planner gets them: oldest first. */
    static List<Units> units(List<Sku> skus) {
        var units = new ArrayList<Units>();
        var byAge = skus.stream().sorted(Comparator.comparingInt(Sku::ageDays).reversed()).toList();
        for (int i = 0; i < byAge.size(); i++) {
            units.add(units(i, byAge.get(i), byAge.get(i).count()));
        }
        return units;
    }

    static Units units(long key, Sku s, int count) {
        return new Units(key, key, s.asin(), new BigDecimal(s.l()), new BigDecimal(s.w()), new BigDecimal(s.h()),
                new BigDecimal(s.weight()), new BigDecimal(s.min()), new BigDecimal(s.max()), new BigDecimal("10.00"),
                count, false);
    }

    /** The volume/weight lower bound, computed here rather than taken from the planner. */
    static int lowerBound(Spec spec, List<Units> units) {
        double volume = 0;
        double weight = 0;
        for (var u : units) {
            volume += u.lengthIn().doubleValue() * u.widthIn().doubleValue() * u.heightIn().doubleValue() * u.count();
            weight += u.weightLb().doubleValue() * u.count();
        }
        double pallet = spec.lengthIn().doubleValue() * spec.widthIn().doubleValue() * spec.heightIn().doubleValue();
        return (int) Math.ceil(Math.max(volume / pallet, weight / spec.maxWeightLb().doubleValue()) - 1e-9);
    }

    /**
     * The original generator's way: one ASIN after another in ASIN order, each pallet filled until the next units
     * no longer fit (checked with the same 3D packer), then a new pallet. Returns each pallet's content.
     */
    static List<List<Units>> naive(Spec spec, List<Units> units) {
        var byAsin = units.stream().sorted(Comparator.comparing(Units::asin)).toList();
        var pallets = new ArrayList<List<Units>>();
        var content = new ArrayList<Units>();
        for (var sku : byAsin) {
            int left = sku.count();
            while (left > 0) {
                int lo = 0;
                int hi = left;
                while (lo < hi) { // the most units of this SKU that still fit with the current content
                    int mid = (lo + hi + 1) / 2;
                    var trial = new ArrayList<>(content);
                    trial.add(sku.withCount(mid));
                    var packed = PalletPacking.pack(spec, trial, 1);
                    if (packed != null && packed.size() == 1) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                if (lo == 0) {
                    pallets.add(List.copyOf(content));
                    content.clear();
                    continue;
                }
                content.add(sku.withCount(lo));
                left -= lo;
            }
        }
        if (!content.isEmpty()) {
            pallets.add(List.copyOf(content));
        }
        return pallets;
    }
}
