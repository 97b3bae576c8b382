package io.loadout.imports;

/** One problem in an import file: the 1-based data row (0 for the file as a whole), the column, the reason. */
public record RowError(long row, String field, String message) {
}
