package io.loadout.imports.table;

import java.util.NoSuchElementException;

/** Rows of either format: blank rows skipped, and the file refused once it hands out more rows than the limit. */
abstract class CountedRows implements Rows {

    private final Limits limits;
    private SheetRow next;
    private long count;

    CountedRows(Limits limits) {
        this.limits = limits;
    }

    /** The file's next row, blank or not; null at the end. */
    abstract SheetRow read();

    @Override
    public final boolean hasNext() {
        while (next == null) {
            var row = read();
            if (row == null) {
                return false;
            }
            if (!row.isBlank()) {
                next = row;
            }
        }
        return true;
    }

    @Override
    public final SheetRow next() {
        if (++count > limits.maxRows()) {
            throw limits.rowsExceeded();
        }
        return nextUncounted();
    }

    /** The header: read like a row, not counted as one. */
    final SheetRow nextUncounted() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        var row = next;
        next = null;
        return row;
    }
}
