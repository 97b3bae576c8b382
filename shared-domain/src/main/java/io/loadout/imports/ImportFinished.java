package io.loadout.imports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.loadout.event.DomainEvent;

/**
 * A job finished. {@code dryRun}: the counts say what the file would have done; nothing was written. The outcome
 * counts and read facts are null when the job never read the file (and in events recorded before they existed).
 */
@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record ImportFinished(long jobId, String kind, String objectName, ImportStatus status, int rowsTotal,
                             int rowsSucceeded, int rowsFailed, String errorsObject, String summary, String detail,
                             boolean dryRun, Integer rowsNew, Integer rowsChanged, Integer rowsUnchanged,
                             String encoding, String numberConvention)
        implements DomainEvent {

    public static final String TYPE = "import.finished";

    public ImportFinished(long jobId, String kind, String objectName, ImportStatus status, int rowsTotal,
                          int rowsSucceeded, int rowsFailed, String errorsObject, String summary, String detail) {
        this(jobId, kind, objectName, status, rowsTotal, rowsSucceeded, rowsFailed, errorsObject, summary, detail, false,
                null, null, null, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }

    /** "3 new, 2 changed, 1 unchanged, 0 failed", or null when the rows were not counted. */
    public String outcomes() {
        return rowsNew == null ? null : rowsNew + " new, " + rowsChanged + " changed, " + rowsUnchanged + " unchanged, "
                + rowsFailed + " failed";
    }
}
