package io.loadout.imports;

/** What a delivery, the sweep or a restart got when it asked for a job ({@link ImportJob#claim}). */
public sealed interface ImportClaim {

    /** This caller now holds the job as attempt number {@code attempt}; only that attempt may finish it. */
    record Taken(long jobId, int attempt, String objectName, long generation) implements ImportClaim {
    }

    /** Another attempt holds a live lease. */
    record Busy(int attempt) implements ImportClaim {
    }

    /** The job ended already. */
    record Finished(ImportStatus status) implements ImportClaim {
    }

    /** Every allowed attempt was interrupted: the job is now FAILED, and this event says so (alert + mail). */
    record GaveUp(ImportFinished event) implements ImportClaim {
    }
}
