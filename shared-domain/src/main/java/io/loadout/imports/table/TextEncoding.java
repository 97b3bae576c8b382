package io.loadout.imports.table;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a text file's bytes were decoded, as recorded on the import job. A byte order mark decides; without one a
 * file that is valid UTF-8 throughout is UTF-8, anything else is read as Windows-1252 (what Excel on Windows
 * writes for "CSV"; a superset of Latin-1's printable characters). UTF-16 (Excel's "Unicode text") is decoded
 * when it carries its byte order mark.
 */
public enum TextEncoding {
    UTF_8("utf-8", StandardCharsets.UTF_8, 0),
    UTF_8_BOM("utf-8 with BOM", StandardCharsets.UTF_8, 3),
    UTF_16LE("utf-16le with BOM", StandardCharsets.UTF_16LE, 2),
    UTF_16BE("utf-16be with BOM", StandardCharsets.UTF_16BE, 2),
    WINDOWS_1252("windows-1252", Charset.forName("windows-1252"), 0);

    private final String label;
    private final Charset charset;
    private final int bomLength;

    TextEncoding(String label, Charset charset, int bomLength) {
        this.label = label;
        this.charset = charset;
        this.bomLength = bomLength;
    }

    /** The name stored on the job. */
    public String label() {
        return label;
    }

    public Charset charset() {
        return charset;
    }

    int bomLength() {
        return bomLength;
    }
}
