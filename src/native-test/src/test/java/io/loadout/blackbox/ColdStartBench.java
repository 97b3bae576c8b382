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
    private static final List<String> LOADOUT = List.of("ops", "catalog", "allocation", "imports", "notifier", "jobs");

    record Run(long millis, long rssMb) {
    }

    @Test
    void coldStartAndMemoryOfEachPackagedFunctionAgainstABareOne() throws Exception {
        int runs = Integer.getInteger("loadout.bench.runs", 5);
        List<String> functions = new ArrayList<>(List.of(FunctionProcess.BARE));
        functions.addAll(System.getProperty("loadout.bench.functions") == null ? LOADOUT
                : Arrays.asList(System.getProperty("loadout.bench.functions").split(",")));
        Map<String, List<Run>> measured = new LinkedHashMap<>();
        functions.forEach(f -> measured.put(f, new ArrayList<>()));
        try (var deployment = new BlackBoxEnvironment()) {
            for (int round = 0; round < runs; round++) {
                for (String function : functions) {
                    try (var f = deployment.launch(function)) {
                        long rssKb = f.measuredPeakRssKb();
                        assertThat(rssKb).as("VmHWM of %s", function).isPositive();
                        measured.get(function).add(new Run(f.coldStart().toMillis(), rssKb / 1024));
                    }
                }
            }
        }
        String report = report(measured, runs);
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
        out.append(String.format("%-10s %8s %7s %7s %9s   %7s %7s %9s   %s%n", "function", "start ms", "ratio",
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
            out.append(String.format("%-10s %8d %6.2fx %6.2fx %9s   %7d %6.2fx %6.2fx   %s%n", entry.getKey(), ms,
                    msRatio, worstMs, met ? "met" : "NOT met", mb, mbRatio, worstMb, every));
        }
        out.append("ratio: median of the function / median of bare; worst: the highest of its runs' ratios to the "
                + "bare run of the same round; goal: both median ratios <= " + GOAL + "x\n");
        return out.toString();
    }

    private static String variant() {
        boolean cloudRun = LOADOUT.stream().anyMatch(f -> System.getProperty("loadout.native." + f) != null);
        return cloudRun
                ? "Cloud Run variant as given by -Dloadout.native.<function> (bare: runner jar under the function invoker)"
                : "runner jars under the Java function invoker (as Cloud Functions runs them)";
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
