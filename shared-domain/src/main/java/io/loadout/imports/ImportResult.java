package io.loadout.imports;

import java.util.List;

/**
 * What an importer did with a file. {@code rowsApplied} rows were written; {@code errors} lists the refused ones.
 * An importer that applies all-or-nothing reports 0 applied whenever it has errors. {@code detail} is the
 * importer's own account of what changed (e.g. "3 new, 2 changed, 40 unchanged"), or null.
 */
public record ImportResult(int rowsTotal, int rowsApplied, List<RowError> errors, String detail) {

    public ImportResult(int rowsTotal, int rowsApplied, List<RowError> errors) {
        this(rowsTotal, rowsApplied, errors, null);
    }

    public ImportResult {
        errors = List.copyOf(errors);
        if (rowsApplied < 0 || rowsApplied > rowsTotal) {
            throw new IllegalArgumentException("rowsApplied must be within 0.." + rowsTotal);
        }
    }

    public static ImportResult rejected(RowError error) {
        return new ImportResult(0, 0, List.of(error));
    }

    public ImportStatus status() {
        if (errors.isEmpty()) {
            return ImportStatus.SUCCEEDED;
        }
        return rowsApplied == 0 ? ImportStatus.FAILED : ImportStatus.PARTIAL;
    }

    public int rowsFailed() {
        return rowsTotal - rowsApplied;
    }
}
