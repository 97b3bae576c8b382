package io.loadout.shared;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY … FROM STDIN (FORMAT csv)}, written field by field and sent in chunks of about
 * {@value #CHUNK_CHARS} characters: memory stays at one chunk whatever the row count. Text is always quoted (so an
 * empty text is not read as null); a null field is left empty.
 */
public final class CopyRows {

    static final int CHUNK_CHARS = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
    private boolean rowStarted;

    CopyRows(CopyIn copy) {
        this.copy = copy;
    }

    public CopyRows text(String value) {
        separate();
        if (value != null) {
            chunk.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                chunk.append(c);
                if (c == '"') {
                    chunk.append('"');
                }
            }
            chunk.append('"');
        }
        return this;
    }

    public CopyRows number(BigDecimal value) {
        separate();
        if (value != null) {
            chunk.append(value.toPlainString());
        }
        return this;
    }

    public CopyRows number(long value) {
        separate();
        chunk.append(value);
        return this;
    }

    /** A value whose {@code toString()} PostgreSQL reads as is (a {@code LocalDate}: ISO), or null. */
    public CopyRows plain(Object value) {
        separate();
        if (value != null) {
            chunk.append(value);
        }
        return this;
    }

    public void endRow() throws SQLException {
        chunk.append('\n');
        rowStarted = false;
        if (chunk.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (!chunk.isEmpty()) {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }
    }

    private void separate() {
        if (rowStarted) {
            chunk.append(',');
        }
        rowStarted = true;
    }
}
