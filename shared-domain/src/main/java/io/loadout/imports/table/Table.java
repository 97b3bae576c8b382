package io.loadout.imports.table;

import java.io.IOException;
import java.util.Optional;

/**
 * A readable import file: its header and a fresh stream of its data rows each time {@link #rows()} is called
 * (blank rows skipped). Open one with {@link #open(Content, Limits)}.
 */
public interface Table {

    /** "csv" or "xlsx". */
    String format();

    /** How the text was decoded; empty for a workbook. */
    Optional<TextEncoding> encoding();

    /** The CSV field separator detected from the header line; empty for a workbook. */
    Optional<Character> delimiter();

    SheetRow header();

    /** The data rows; refuses with "file too large" once more than the limit's rows have been read. */
    Rows rows();

    /** Sniffs the file (type, encoding, size), then reads its header (delimiter detection for CSV). */
    static Table open(Content content, Limits limits) throws IOException {
        var kind = Sniffer.sniff(content, limits);
        return kind.workbook() ? XlsxTable.open(content, limits, kind.styled()) : CsvTable.open(content, kind, limits);
    }
}
