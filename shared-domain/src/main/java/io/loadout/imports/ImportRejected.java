package io.loadout.imports;

import io.loadout.imports.table.FileRefused;

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

    /**
     * The whole file refused by the reading layer. The refusal may come while rows stream into a staging table (a
     * mixed decimal convention, a workbook over the row limit, broken CSV further down), whose COPY it aborts along
     * with the transaction: the job therefore finishes after the rollback. {@code read}: how the file was read, if
     * known.
     */
    public static ImportRejected fileRefused(FileRefused refusal, ImportResult.ReadFacts read) {
        var result = ImportResult.rejected(new RowError(refusal.line(), refusal.column(), refusal.getMessage()));
        return new ImportRejected(read == null ? result : result.withRead(read));
    }

    public ImportResult result() {
        return result;
    }
}
