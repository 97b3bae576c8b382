package io.loadout.imports.table;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A delimited text file read by FastCSV, one record at a time; line numbers are FastCSV's starting lines. */
final class CsvTable implements Table {

    private final Content content;
    private final TextEncoding encoding;
    private final char delimiter;
    private final Limits limits;
    private final SheetRow header;

    private CsvTable(Content content, TextEncoding encoding, char delimiter, Limits limits) {
        this.content = content;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.limits = limits;
        try (var records = records()) {
            this.header = records.hasNext() ? row(records.next()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null || header.isBlank()) {
            throw new FileRefused("the file has no header line");
        }
    }

    static CsvTable open(Content content, FileKind kind, Limits limits) throws IOException {
        char delimiter;
        try (var reader = reader(content, kind.encoding())) {
            delimiter = Delimiters.detect(reader);
        }
        var table = new CsvTable(content, kind.encoding(), delimiter, limits);
        if (kind.lineEnds() > limits.maxRows()) {
            table.requireWithinRowLimit();
        }
        return table;
    }

    /** Counts the rows (blank ones are not rows) so a file over the limit is refused before any row is handed out. */
    private void requireWithinRowLimit() {
        try (var rows = rows()) {
            while (rows.hasNext()) {
                rows.next();
            }
        }
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public Optional<TextEncoding> encoding() {
        return Optional.of(encoding);
    }

    @Override
    public Optional<Character> delimiter() {
        return Optional.of(delimiter);
    }

    @Override
    public SheetRow header() {
        return header;
    }

    @Override
    public Rows rows() {
        CloseableIterator<CsvRecord> records;
        try {
            records = records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (records.hasNext()) {
            records.next();
        }
        return new CountedRows(limits) {
            @Override
            SheetRow read() {
                try {
                    return records.hasNext() ? row(records.next()) : null;
                } catch (CsvParseException e) {
                    throw new FileRefused("the file is not valid CSV: " + e.getMessage());
                }
            }

            @Override
            public void close() {
                try {
                    records.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private CloseableIterator<CsvRecord> records() throws IOException {
        return CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true).detectBomHeader(false)
                .ofCsvRecord(reader(content, encoding)).iterator();
    }

    private static Reader reader(Content content, TextEncoding encoding) throws IOException {
        var in = content.open();
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        return new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
    }

    private static SheetRow row(CsvRecord record) {
        return new SheetRow(record.getStartingLineNumber(), record.getFields().stream().map(Cell::text).toList());
    }
}
