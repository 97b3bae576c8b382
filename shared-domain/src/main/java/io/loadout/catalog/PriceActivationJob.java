package io.loadout.catalog;

import io.loadout.jobs.Job;
import io.loadout.shared.Actor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * {@code price-activation}: brings stored price states up to the clock every few minutes and announces the changes.
 * Prices are already correct without it (effective price and listed states are computed from the clock); the job
 * makes the stored state and the events follow. Each run takes up where the last one stopped (its watermark), so a
 * late run catches up on everything it missed.
 */
@ApplicationScoped
public class PriceActivationJob implements Job {

    public static final String NAME = "price-activation";

    private final PriceTransitions transitions;
    private final Clock clock;

    PriceActivationJob(PriceTransitions transitions, Clock clock) {
        this.transitions = transitions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobOutcome run() {
        var changed = QuarkusTransaction.requiringNew().call(() -> transitions.catchUp(clock, Actor.job(NAME)));
        if (changed.isEmpty()) {
            return new JobOutcome(0, "prices are being written; the next run catches up");
        }
        return new JobOutcome(changed.getAsInt(), changed.getAsInt() + " price states changed");
    }
}
