package io.loadout.bench;

import java.util.Arrays;
import java.util.Locale;

/** How the catalog bench prints a set of runs: the median and the worst. */
public final class BenchStats {

    private BenchStats() {
    }

    /** Median and worst of the runs. */
    public static String ms(double[] v) {
        return String.format(Locale.ROOT, "%.1f ms (worst %.1f)", median(v), Arrays.stream(v).max().orElseThrow());
    }

    /** Median and worst of the per-run ratios (each run against its own baseline). */
    public static String ratio(double[] v, double[] base) {
        double[] r = new double[v.length];
        Arrays.setAll(r, i -> v[i] / Math.max(base[i], 0.01));
        return String.format(Locale.ROOT, "%.1f (worst %.1f)", median(r), Arrays.stream(r).max().orElseThrow());
    }

    public static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static long min(long[] v) {
        return Arrays.stream(v).min().orElseThrow();
    }

    public static long max(long[] v) {
        return Arrays.stream(v).max().orElseThrow();
    }
}
