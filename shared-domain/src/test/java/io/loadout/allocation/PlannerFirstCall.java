package io.loadout.allocation;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Run by {@link AllocationBench} in a fresh JVM: the planner's first call on a bench dataset, cold or after
 * {@link PalletPlanner#warmUp()}, then the third call (warm), each as wall and thread CPU time.
 */
public final class PlannerFirstCall {

    private PlannerFirstCall() {
    }

    public static void main(String[] args) {
        boolean warm = args.length > 0 && args[0].equals("warm");
        var bean = ManagementFactory.getThreadMXBean();
        long wall = System.nanoTime();
        long cpu = bean.getCurrentThreadCpuTime();
        if (warm) {
            PalletPlanner.warmUp();
            System.out.printf(Locale.ROOT, "warmUp %.0f %.0f%n", (System.nanoTime() - wall) / 1e6,
                    (bean.getCurrentThreadCpuTime() - cpu) / 1e6);
        }
        var units = BenchDatasets.units(BenchDatasets.skus(1));
        for (int call = 1; call <= 3; call++) {
            wall = System.nanoTime();
            cpu = bean.getCurrentThreadCpuTime();
            PalletPlanner.plan(BenchDatasets.PALLET, units, List.of(), BigDecimal.ZERO);
            if (call != 2) {
                System.out.printf(Locale.ROOT, "call%d %.0f %.0f%n", call, (System.nanoTime() - wall) / 1e6,
                        (bean.getCurrentThreadCpuTime() - cpu) / 1e6);
            }
        }
    }
}
