package io.loadout.imports.table;

/**
 * What the sniffer found: a workbook, or text in a given encoding with at most {@code lineEnds} rows after its
 * header (the count of line-ending bytes, an upper bound).
 */
public record FileKind(boolean workbook, TextEncoding encoding, long lineEnds, boolean styled) {

    /** {@code styled}: the workbook has a styles part (the optional one that says which number cells are dates). */
    static FileKind xlsx(boolean styled) {
        return new FileKind(true, null, -1, styled);
    }

    static FileKind text(TextEncoding encoding, long lineEnds) {
        return new FileKind(false, encoding, lineEnds, false);
    }
}
