package io.loadout.imports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.loadout.event.DomainEvent;

@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record ImportFinished(long jobId, String kind, String objectName, ImportStatus status, int rowsTotal,
                             int rowsSucceeded, int rowsFailed, String errorsObject, String summary, String detail)
        implements DomainEvent {

    public static final String TYPE = "import.finished";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
