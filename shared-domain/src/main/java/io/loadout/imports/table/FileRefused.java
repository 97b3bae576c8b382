package io.loadout.imports.table;

/**
 * The file as a whole cannot be read: wrong type, wrong shape, too large, ambiguous convention. The message is
 * written for the operator who dropped the file and says what to do.
 */
public final class FileRefused extends RuntimeException {

    private final long line;
    private final String column;

    public FileRefused(String message) {
        this(0, message);
    }

    /** @param line the file line the problem was found on, 0 for the file as a whole */
    public FileRefused(long line, String message) {
        this(line, null, message);
    }

    /** @param column the column the problem was found in, null when it is no one column's */
    public FileRefused(long line, String column, String message) {
        super(message);
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    /** The column the problem was found in, or null. */
    public String column() {
        return column;
    }
}
