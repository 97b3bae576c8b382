package io.loadout.jobs;

import io.loadout.event.OutboxRelay;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * {@code outbox-sweep}: republishes events whose immediate publication did not happen. It lives with the jobs, not
 * the outbox: jobs announce their failures through the outbox, so the outbox cannot depend on jobs.
 */
@ApplicationScoped
public class OutboxSweepJob implements Job {

    @ConfigMapping(prefix = "loadout.outbox")
    public interface OutboxConfig {
        /** An event unpublished for longer than this is considered stuck. */
        @WithDefault("PT1M")
        Duration sweepGrace();

        @WithDefault("500")
        int sweepBatch();
    }

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxSweepJob(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public String name() {
        return "outbox-sweep";
    }

    @Override
    public JobOutcome run() {
        int published = relay.sweep(config.sweepGrace(), config.sweepBatch());
        return new JobOutcome(published, "republished " + published + ", backlog " + relay.backlog());
    }
}
