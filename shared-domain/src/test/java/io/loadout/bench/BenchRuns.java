package io.loadout.bench;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.DoubleSupplier;

/** How the benches time their work: one warm-up then {@value #RUNS} runs, each in a transaction of its own. */
public final class BenchRuns {

    public static final int RUNS = 5;

    private BenchRuns() {
    }

    /** The times of {@value #RUNS} runs, after one warm-up run. */
    public static double[] runs(DoubleSupplier run) {
        run.getAsDouble();
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            times[i] = run.getAsDouble();
        }
        return times;
    }

    /** The milliseconds {@code work} takes inside a new transaction (its commit not included). */
    public static double millis(Runnable work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long t = System.nanoTime();
            work.run();
            return (System.nanoTime() - t) / 1e6;
        });
    }
}
