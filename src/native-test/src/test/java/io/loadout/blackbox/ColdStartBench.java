package io.loadout.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test run (./loadout bench coldstart): starts each packaged function and the bare baseline
 * function (ADR 0023) RUNS times and prints, per function, the cold start (process start → first good answer, one
 * readiness rule for all: {@link BlackBoxEnvironment#launch}) and the peak RSS (VmHWM at that moment), each as a
 * ratio to the bare function's. Runs go round by round (bare, ops, …, jobs; then again), so a machine that gets
 * busier or quieter meanwhile weighs on the baseline as on the others; each run's ratio is to the bare run of the
 * same round. A function that does not start fails the bench.
 */
class ColdStartBench {

    private static final double GOAL = 1.3;
    private static final List<String> LOADOUT = List.of("ops", "catalog", "allocation", "orders", "imports", "notifier", "jobs");

    record Run(long millis, long rssMb) {
    }

    @Test
    void coldStartAndMemoryOfEachPackagedFunctionAgainstABareOne() throws Exception {
        int runs = Integer.getInteger("loadout.bench.runs", 5);
        List<String> loadout = System.getProperty("loadout.bench.functions") == null ? LOADOUT
                : Arrays.asList(System.getProperty("loadout.bench.functions").split(","));
        // -Dloadout.bench.variants=cloudrun-jvm,cloudrun-jvm-appcds: each function's Cloud Run JVM build in
        // functions/<f>/target/<variant>/quarkus-run.jar, side by side in the same rounds (none: the runner jars)
        List<String> variants = System.getProperty("loadout.bench.variants") == null ? List.of()
                : Arrays.asList(System.getProperty("loadout.bench.variants").split(","));
        List<String> rows = new ArrayList<>(List.of(FunctionProcess.BARE));
        for (String f : loadout) {
            if (variants.isEmpty()) {
                rows.add(f);
            } else {
                variants.forEach(v -> rows.add(f + " " + v));
            }
        }
        Map<String, List<Run>> measured = new LinkedHashMap<>();
        rows.forEach(r -> measured.put(r, new ArrayList<>()));
        try (var deployment = new BlackBoxEnvironment()) {
            for (int round = 0; round < runs; round++) {
                for (String row : rows) {
                    String function = row.split(" ")[0];
                    if (row.contains(" ")) {
                        Path jar = Path.of(System.getProperty("loadout.functions.dir"), function, "target",
                                row.split(" ")[1], "quarkus-run.jar");
                        assertThat(jar).as("built with ./loadout bench appcds").isRegularFile();
                        System.setProperty("loadout.native." + function, jar.toString());
                    }
                    try (var f = deployment.launch(function)) {
                        long rssKb = f.measuredPeakRssKb();
                        assertThat(rssKb).as("VmHWM of %s", row).isPositive();
                        measured.get(row).add(new Run(f.coldStart().toMillis(), rssKb / 1024));
                    }
                }
            }
        }
        String report = report(measured, runs) + (variants.size() == 2 ? versus(measured, loadout, variants) : "");
        System.out.println(report);
        String file = System.getProperty("loadout.bench.report");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
    }

    private static String report(Map<String, List<Run>> measured, int runs) {
        List<Run> bare = measured.get(FunctionProcess.BARE);
        long bareMs = median(bare.stream().map(Run::millis).toList());
        long bareMb = median(bare.stream().map(Run::rssMb).toList());
        var out = new StringBuilder("\n=== Cold start: " + variant() + ", median of " + runs
                + ", each as a ratio to the bare function (goal <= " + GOAL + "x)\n");
        int width = measured.keySet().stream().mapToInt(String::length).max().orElse(10);
        out.append(String.format("%-" + width + "s %8s %7s %7s %9s   %7s %7s %9s   %s%n", "function", "start ms", "ratio",
                "worst", "goal", "RSS MB", "ratio", "worst", "every run: ms (ratio) / MB (ratio)"));
        for (var entry : measured.entrySet()) {
            List<Run> all = entry.getValue();
            long ms = median(all.stream().map(Run::millis).toList());
            long mb = median(all.stream().map(Run::rssMb).toList());
            // each run against the bare run of the same round
            double[] msRatios = IntStream.range(0, all.size())
                    .mapToDouble(i -> (double) all.get(i).millis() / bare.get(i).millis()).toArray();
            double[] mbRatios = IntStream.range(0, all.size())
                    .mapToDouble(i -> (double) all.get(i).rssMb() / bare.get(i).rssMb()).toArray();
            double msRatio = (double) ms / bareMs;
            double mbRatio = (double) mb / bareMb;
            double worstMs = Arrays.stream(msRatios).max().orElseThrow();
            double worstMb = Arrays.stream(mbRatios).max().orElseThrow();
            boolean met = msRatio <= GOAL && mbRatio <= GOAL;
            var every = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                every.append(String.format("%s%d (%.2f) / %d (%.2f)", i == 0 ? "" : ", ", all.get(i).millis(),
                        msRatios[i], all.get(i).rssMb(), mbRatios[i]));
            }
            out.append(String.format("%-" + width + "s %8d %6.2fx %6.2fx %9s   %7d %6.2fx %6.2fx   %s%n", entry.getKey(), ms,
                    msRatio, worstMs, met ? "met" : "NOT met", mb, mbRatio, worstMb, every));
        }
        out.append("ratio: median of the function / median of bare; worst: the highest of its runs' ratios to the "
                + "bare run of the same round; goal: both median ratios <= " + GOAL + "x\n");
        return out.toString();
    }

    /** The second variant against the first, function by function, each run against the first's run of its round. */
    private static String versus(Map<String, List<Run>> measured, List<String> functions, List<String> variants) {
        var out = new StringBuilder(String.format("%n=== %s against %s (median of each; every run's ratio)%n",
                variants.get(1), variants.get(0)));
        out.append(String.format("%-10s %10s %10s %7s   %8s %8s %7s   %s%n", "function", "start ms", "start ms",
                "ratio", "RSS MB", "RSS MB", "ratio", "every run: start ratio / RSS ratio"));
        for (String f : functions) {
            List<Run> a = measured.get(f + " " + variants.get(0));
            List<Run> b = measured.get(f + " " + variants.get(1));
            long aMs = median(a.stream().map(Run::millis).toList());
            long bMs = median(b.stream().map(Run::millis).toList());
            long aMb = median(a.stream().map(Run::rssMb).toList());
            long bMb = median(b.stream().map(Run::rssMb).toList());
            var every = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                every.append(String.format("%s%.2f / %.2f", i == 0 ? "" : ", ",
                        (double) b.get(i).millis() / a.get(i).millis(), (double) b.get(i).rssMb() / a.get(i).rssMb()));
            }
            out.append(String.format("%-10s %10d %10d %6.2fx   %8d %8d %6.2fx   %s%n", f, aMs, bMs, (double) bMs / aMs,
                    aMb, bMb, (double) bMb / aMb, every));
        }
        return out.toString();
    }

    private static String variant() {
        boolean cloudRun = LOADOUT.stream().anyMatch(f -> System.getProperty("loadout.native." + f) != null);
        String options = System.getProperty("loadout.java-options", "");
        return (cloudRun
                ? "Cloud Run JVM builds (java -jar; bare: runner jar under the function invoker)"
                : "runner jars under the Java function invoker (as Cloud Functions runs them)")
                + (options.isBlank() ? "" : ", JAVA_TOOL_OPTIONS=" + options + " for all");
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
