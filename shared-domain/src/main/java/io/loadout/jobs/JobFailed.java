package io.loadout.jobs;

import io.loadout.event.DomainEvent;

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
