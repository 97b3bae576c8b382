package io.loadout.imports;

import io.loadout.event.DomainEvent;

public record ImportFinished(long jobId, String kind, String objectName, ImportStatus status, int rowsTotal,
                             int rowsSucceeded, int rowsFailed, String errorsObject, String summary)
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
