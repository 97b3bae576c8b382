package io.loadout.imports.table;

/**
 * What the sniffer found: a workbook, or text in a given encoding with at most {@code lineEnds} rows after its
 * header (the count of line-ending bytes, an upper bound).
 */
public record FileKind(boolean workbook, TextEncoding encoding, long lineEnds) {

    static FileKind xlsx() {
        return new FileKind(true, null, -1);
    }

    static FileKind text(TextEncoding encoding, long lineEnds) {
        return new FileKind(false, encoding, lineEnds);
    }
}
