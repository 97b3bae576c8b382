package io.loadout.imports.table;

/**
 * How much a caller lets one file hold. A CSV file over either limit is refused before any row is handed out; a
 * workbook over the row limit when its row past the limit is reached (the import then writes nothing).
 */
public record Limits(long maxRows, long maxMegabytes) {

    public static final Limits DEFAULT = new Limits(1_000_000, 200);

    public Limits {
        if (maxRows < 1 || maxMegabytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    long maxBytes() {
        return maxMegabytes * 1024 * 1024;
    }

    FileRefused rowsExceeded() {
        return new FileRefused("file too large: limit " + maxRows + " rows");
    }

    FileRefused bytesExceeded() {
        return new FileRefused("file too large: limit " + maxMegabytes + " MB");
    }
}
