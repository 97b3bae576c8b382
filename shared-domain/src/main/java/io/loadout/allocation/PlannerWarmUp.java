package io.loadout.allocation;

import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PalletPlanner#warmUp()}: plans a fixed 400-unit, 20-SKU dataset on the default pallet, without money and
 * with top-ups, {@value #PASSES} times over, so the packer's and the pricing's classes are loaded and their loops
 * compiled before the first real generation (measured: 2 passes left the first call at 225 ms, 3 at 196-205 ms, 5 at
 * 151-192 ms one day and 203-270 ms the next, 8 at 143-263 ms that day, for 1.0-1.2 s on the warm-up's own thread).
 */
final class PlannerWarmUp {

    /** Passes over the dataset: the JIT compiles a loop once it has run often enough, not after its first run. */
    static final int PASSES = 8;

    private PlannerWarmUp() {
    }

    static void run() {
        var spec = new Spec(new BigDecimal("48"), new BigDecimal("40"), new BigDecimal("72"), new BigDecimal("2200"),
                new BigDecimal("1000.00"), new BigDecimal("0.90"));
        var units = new ArrayList<Units>();
        var pool = new ArrayList<Units>();
        for (int s = 0; s < 20; s++) {
            // sizes 4-19 × 4-15 × 2-11 in, 0.5-9.9 lb: the shape of the bench's data, without a random generator
            units.add(units(s, 4 + (s * 7) % 16, 4 + (s * 5) % 12, 2 + (s * 3) % 10, 5 + (s * 13) % 95, 20, false));
            pool.add(units(100 + s, 4 + (s * 3) % 16, 4 + (s * 7) % 12, 2 + (s * 5) % 10, 5 + (s * 11) % 95, 10, true));
        }
        for (int pass = 0; pass < PASSES; pass++) {
            PalletPlanner.plan(spec, units, List.of(), BigDecimal.ZERO);
            PalletPlanner.plan(spec, units, pool, new BigDecimal("5000.00"));
        }
    }

    private static Units units(long key, int l, int w, int h, int tenthsLb, int count, boolean topUp) {
        return new Units(key, key, "WARMUP" + key, BigDecimal.valueOf(l), BigDecimal.valueOf(w), BigDecimal.valueOf(h),
                BigDecimal.valueOf(tenthsLb, 1), new BigDecimal("0.50"), new BigDecimal("12.00"), new BigDecimal("10.00"),
                count, topUp);
    }
}
