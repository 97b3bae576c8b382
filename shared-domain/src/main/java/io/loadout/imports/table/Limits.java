package io.loadout.imports.table;

/** How much a caller lets one file hold; a larger file is refused before any row is handed out. */
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
