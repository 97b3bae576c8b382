package io.loadout.imports;

/**
 * An attempt found the job taken over by a newer attempt (its lease had lapsed): its work must roll back, so that
 * only one attempt's rows ever commit.
 */
public final class LeaseLost extends RuntimeException {

    LeaseLost(long jobId, int attempt, String holder) {
        super("import job " + jobId + ": attempt " + attempt + " no longer holds the job (" + holder + ")");
    }
}
