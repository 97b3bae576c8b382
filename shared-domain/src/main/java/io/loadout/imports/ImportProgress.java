package io.loadout.imports;

/**
 * Where an importer is in its file: it reports the bytes it has read its rows from, and the job shows them as its
 * progress (and as a sign of life). Cheap to call often: the job records at most one report per MiB.
 */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = bytesRead -> {
    };

    /** @throws LeaseLost when another attempt has taken the job over meanwhile */
    void read(long bytesRead);

    /**
     * The importer has read its last row, {@code bytesRead} bytes in all: recorded at once, so the job shows how far
     * it got (99 % for the whole file) while the checks and writes after the last row run.
     *
     * @throws LeaseLost when another attempt has taken the job over meanwhile
     */
    default void rowsRead(long bytesRead) {
        read(bytesRead);
    }
}
