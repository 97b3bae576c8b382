package io.loadout.jobs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.loadout.event.DomainEvent;

@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record JobFailed(String job, long runId, String error) implements DomainEvent {

    public static final String TYPE = "job.failed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
