package io.loadout.shared;

import java.util.Arrays;
import java.util.function.Supplier;

/** The benchmarks' timing: one warm-up run, then the median of five. */
public final class BenchTiming {

    private BenchTiming() {
    }

    /** {@code run} does the work once and returns how long it took. */
    public static double median(Supplier<Double> run) {
        run.get(); // warm-up
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            times[i] = run.get();
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
