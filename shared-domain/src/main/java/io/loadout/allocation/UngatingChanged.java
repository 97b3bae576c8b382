package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Ungating statuses changed (one event per batch received); {@code changes} lists at most the first 50. */
@RegisterForReflection
public record UngatingChanged(String source, int changed, int ignored, List<Change> changes) implements DomainEvent {

    public static final String TYPE = "allocation.ungating.changed";

    @RegisterForReflection
    public record Change(String store, String asin, UngatingStatus status) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
