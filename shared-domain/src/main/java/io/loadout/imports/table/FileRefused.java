package io.loadout.imports.table;

/**
 * The file as a whole cannot be read: wrong type, wrong shape, too large, ambiguous convention. The message is
 * written for the operator who dropped the file and says what to do.
 */
public final class FileRefused extends RuntimeException {

    private final long line;

    public FileRefused(String message) {
        this(0, message);
    }

    /** @param line the file line the problem was found on, 0 for the file as a whole */
    public FileRefused(long line, String message) {
        super(message);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
