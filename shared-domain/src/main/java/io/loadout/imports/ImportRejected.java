package io.loadout.imports;

/**
 * Thrown by an all-or-nothing importer that found errors after it started writing: the job's transaction rolls
 * back, and the job then finishes FAILED with these per-row errors.
 */
public final class ImportRejected extends RuntimeException {

    private final ImportResult result;

    public ImportRejected(ImportResult result) {
        super(result.errors().size() + " rows refused");
        if (result.rowsApplied() != 0 || result.errors().isEmpty()) {
            throw new IllegalArgumentException("a rejected import applies nothing and has errors");
        }
        this.result = result;
    }

    public ImportResult result() {
        return result;
    }
}
