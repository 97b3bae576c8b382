package io.loadout.functions.allocation;

import io.loadout.allocation.PalletPlanner;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warms the pallet planner (class loading, the interpreter's first passes) on a thread of its own as the function
 * starts, so that the first pallet generation of an instance costs what later ones do; the start-up itself does
 * not wait for it. Off where the CPU is better spent elsewhere ({@code loadout.allocation.warm-up-planner=false}).
 */
@ApplicationScoped
class PlannerWarmUpAtStart {

    private static final Logger LOG = Logger.getLogger(PlannerWarmUpAtStart.class);

    void onStart(@Observes StartupEvent startup,
                 @ConfigProperty(name = "loadout.allocation.warm-up-planner", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        var thread = new Thread(() -> {
            long started = System.nanoTime();
            PalletPlanner.warmUp();
            LOG.infof("pallet planner warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
        }, "planner-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }
}
