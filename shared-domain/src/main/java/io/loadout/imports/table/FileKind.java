package io.loadout.imports.table;

/** What the sniffer found: a workbook, or text in a given encoding. */
public record FileKind(boolean workbook, TextEncoding encoding) {

    static FileKind xlsx() {
        return new FileKind(true, null);
    }

    static FileKind text(TextEncoding encoding) {
        return new FileKind(false, encoding);
    }
}
