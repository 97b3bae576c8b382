package io.loadout.allocation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The top-ups' time budget is counted in the planning thread's CPU time: on a machine of its own (a function
 * instance) that is the wall time, and on a shared one the same work is done however busy the machine is, so a
 * plan does not depend on the neighbours. Falls back to wall time where thread CPU time is not supported.
 */
final class PlanningClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private PlanningClock() {
    }

    static long millis() {
        return (CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) / 1_000_000;
    }
}
