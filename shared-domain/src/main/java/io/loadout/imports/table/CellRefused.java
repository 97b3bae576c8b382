package io.loadout.imports.table;

/** One cell's value is refused; the row model adds the column and the line. */
public final class CellRefused extends RuntimeException {

    public CellRefused(String message) {
        super(message, null, false, false);
    }
}
