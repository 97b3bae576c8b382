package io.loadout.blackbox;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test run (./loadout bench): starts each packaged function 5 times, one at a time, and prints the
 * median cold start (process start → first good answer) and median peak RSS (VmHWM at that moment).
 */
class ColdStartBench {

    private static final int RUNS = 5;

    @Test
    void coldStartAndMemoryOfEachPackagedFunction() throws Exception {
        var table = new StringBuilder(String.format("%-10s %18s %16s   %s%n", "function", "cold start (ms)",
                "peak RSS (MB)", "all runs ms / MB"));
        try (var deployment = new BlackBoxEnvironment()) {
            for (String function : List.of("ops", "catalog", "allocation", "imports", "notifier", "jobs")) {
                List<Long> millis = new ArrayList<>();
                List<Long> rss = new ArrayList<>();
                for (int run = 0; run < RUNS; run++) {
                    try (var f = deployment.launch(function)) {
                        millis.add(f.coldStart().toMillis());
                        rss.add(f.measuredPeakRssKb() / 1024);
                    }
                }
                table.append(String.format("%-10s %18d %16d   %s / %s%n", function, median(millis), median(rss), millis, rss));
            }
        }
        System.out.println("\nCold start of the packaged functions under the Java function invoker (median of "
                + RUNS + "):\n" + table);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
