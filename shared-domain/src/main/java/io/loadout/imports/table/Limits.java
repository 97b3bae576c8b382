package io.loadout.imports.table;

/**
 * How much a caller lets one file hold. A CSV file over either limit is refused before any row is handed out; a
 * workbook over the row limit when its row past the limit is reached (the import then writes nothing).
 */
public record Limits(long maxRows, long maxMegabytes) {

    /** The defaults of {@code loadout.imports.max-rows} and {@code max-megabytes}. */
    public static final long DEFAULT_MAX_ROWS = 1_000_000;
    public static final long DEFAULT_MAX_MEGABYTES = 200;
    public static final Limits DEFAULT = new Limits(DEFAULT_MAX_ROWS, DEFAULT_MAX_MEGABYTES);

    public Limits {
        if (maxRows < 1 || maxMegabytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    long maxBytes() {
        return maxMegabytes * 1024 * 1024;
    }

    FileRefused rowsExceeded() {
        return new FileRefused(String.format(java.util.Locale.ROOT, "file too large: limit %,d rows", maxRows));
    }

    FileRefused bytesExceeded() {
        return new FileRefused(String.format(java.util.Locale.ROOT, "file too large: limit %,d MB", maxMegabytes));
    }
}
