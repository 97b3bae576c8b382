package io.loadout.testdoubles;

import io.loadout.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;

public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
