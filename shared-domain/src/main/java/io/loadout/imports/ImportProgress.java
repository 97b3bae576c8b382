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
}
