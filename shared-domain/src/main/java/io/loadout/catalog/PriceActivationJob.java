package io.loadout.catalog;

import io.loadout.jobs.Job;
import io.loadout.shared.Actor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * {@code price-activation}: brings stored price states up to the clock every few minutes and announces the changes.
 * Prices are already correct without it (effective price and listed states are computed from the clock); the job
 * makes the stored state and the events follow.
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
        int changed = QuarkusTransaction.requiringNew()
                .call(() -> transitions.apply(clock.instant(), null, Actor.job(NAME)));
        return new JobOutcome(changed, changed + " price states changed");
    }
}
