package io.loadout.allocation;

import com.github.skjolber.packing.packer.plain.PlainPackager;
import io.loadout.allocation.PalletPlanner.Spec;
import io.loadout.allocation.PalletPlanner.Units;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The planner alone on the 20 generated datasets, each next to the lower bound (computed here) and to the best the
 * library's packers reach on their own (LAFF, and the plain packer without a deadline); and the planner's first
 * call in a fresh JVM, cold and after {@link PalletPlanner#warmUp()}.
 */
final class PalletDatasetsBench {

    private PalletDatasetsBench() {
    }

    static List<String> datasets(Spec spec, int count) {
        var lines = new ArrayList<String>();
        var bean = ManagementFactory.getThreadMXBean();
        var ratios = new ArrayList<Double>();
        var wall = new ArrayList<Double>();
        int within = 0;
        int asGoodAsLibrary = 0;
        for (int seed = 1; seed <= count; seed++) {
            List<Units> units = BenchDatasets.units(BenchDatasets.skus(seed));
            int bound = BenchDatasets.lowerBound(spec, units);
            long started = System.nanoTime();
            long cpu = bean.getCurrentThreadCpuTime();
            var plan = PalletPlanner.plan(spec, units, List.of(), BigDecimal.ZERO);
            double ms = (System.nanoTime() - started) / 1e6;
            double cpuMs = (bean.getCurrentThreadCpuTime() - cpu) / 1e6;
            started = System.nanoTime();
            int laff = PalletPacking.pack(spec, units, Integer.MAX_VALUE).size();
            double laffMs = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            var plainPacked = PalletPacking.pack(spec, units, Integer.MAX_VALUE, PlainPackager.newBuilder().build(), -1);
            double plainMs = (System.nanoTime() - started) / 1e6;
            int plain = plainPacked == null ? Integer.MAX_VALUE : plainPacked.size();
            int library = Math.min(laff, plain);
            int ours = plan.pallets().size();
            double ratio = (double) ours / bound;
            ratios.add(ratio);
            wall.add(ms);
            within += ratio <= 1.15 ? 1 : 0;
            asGoodAsLibrary += ours <= library ? 1 : 0;
            lines.add(String.format(Locale.ROOT, "  dataset %2d: bound %d (asks %.0f %% fill), ours %d = %.2fx (%d kept back)"
                            + " in %.0f ms (cpu %.0f ms, %.1fx LAFF's %.0f ms); library best %d (LAFF %d, plain %d in %.0f ms)",
                    seed, bound, 100 * fill(spec, units) / bound, ours, ratio, plan.keptBack().size(), ms, cpuMs,
                    ms / laffMs, laffMs, library, laff, plain, plainMs));
        }
        wall.sort(Double::compare);
        lines.add(0, String.format(Locale.ROOT, "%d datasets: pallets / lower bound mean %.2fx, worst %.2fx, %d of %d within 1.15x;"
                        + " ours as few as the library's best packer on %d of %d; planning median %.0f ms, max %.0f ms"
                        + "  [goal <= 1.15x or the library's best]",
                count, ratios.stream().mapToDouble(d -> d).average().orElseThrow(),
                ratios.stream().mapToDouble(d -> d).max().orElseThrow(), within, count, asGoodAsLibrary, count,
                wall.get(count / 2), wall.get(count - 1)));
        return lines;
    }

    private static double fill(Spec spec, List<Units> units) {
        double volume = units.stream().mapToDouble(u -> u.volume() * u.count()).sum() / spec.volume();
        double weight = units.stream().mapToDouble(u -> u.weightLb().doubleValue() * u.count()).sum() / spec.weight();
        return Math.max(volume, weight);
    }

    /** {@link PlannerFirstCall} in a fresh JVM on this JVM's class path, cold and warmed. */
    static List<String> firstCall() throws Exception {
        var lines = new ArrayList<String>();
        for (String mode : new String[] {"cold", "warm"}) {
            var command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PlannerFirstCall.class.getName(), mode);
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var out = new StringBuilder();
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(l -> out.append(l).append(' '));
            }
            int exit = process.waitFor();
            lines.add(String.format(Locale.ROOT, "  fresh JVM, %s: %s(ms wall cpu; exit %d)", mode, out, exit));
            if (exit != 0) {
                throw new IllegalStateException("the first-call JVM failed: " + out);
            }
        }
        return lines;
    }
}
