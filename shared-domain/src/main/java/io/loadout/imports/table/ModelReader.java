package io.loadout.imports.table;

import java.time.Clock;
import java.time.LocalDate;
import java.util.NoSuchElementException;

/**
 * A table read against a row model. Opening it matches the header and runs the evidence pass over every row: the
 * row limit, the file's number convention and day/month dates are settled there, before any row is handed out.
 * {@link #rows()} then streams the parsed rows (the file is read again), one at a time.
 */
public final class ModelReader {

    private final RowModel model;
    private final Table table;
    private final HeaderMatch match;
    private final ColumnType.FileFacts facts;
    private final long rowCount;

    private ModelReader(RowModel model, Table table, HeaderMatch match, ColumnType.FileFacts facts, long rowCount) {
        this.model = model;
        this.table = table;
        this.match = match;
        this.facts = facts;
        this.rowCount = rowCount;
    }

    static ModelReader open(RowModel model, Table table, Clock clock) {
        var match = HeaderMatch.of(model, table.header());
        var numbers = new NumberEvidence();
        long dayFirstLine = 0;
        long count = 0;
        try (var rows = table.rows()) {
            while (rows.hasNext()) {
                var row = rows.next();
                count++;
                for (int c = 0; c < model.columns().size(); c++) {
                    var column = model.columns().get(c);
                    Cell cell = match.position(c) < 0 ? Cell.BLANK : row.cell(match.position(c));
                    if (cell.number() != null || cell.date() != null) {
                        continue;
                    }
                    if (column.numeric()) {
                        numbers.see(cell.text(), row.line());
                    } else if (column.dated() && dayFirstLine == 0 && Dates.dayFirst(cell.text())) {
                        dayFirstLine = row.line();
                    }
                }
            }
        }
        var facts = new ColumnType.FileFacts(numbers.convention(), dayFirstLine, LocalDate.now(clock));
        return new ModelReader(model, table, match, facts, count);
    }

    /** The decimal convention the evidence pass established (recorded on the job with the encoding). */
    public NumberConvention numberConvention() {
        return facts.numbers();
    }

    public Table table() {
        return table;
    }

    public HeaderMatch header() {
        return match;
    }

    /** Whether the file's header names the column. */
    public boolean present(Column<?> column) {
        return match.position(model.indexOf(column)) >= 0;
    }

    /** Reads a value found inside a cell (e.g. one part of "10 x 8 x 4") by the file's conventions. */
    public <T> T parse(ColumnType<T> type, String text) {
        return type.parse(Cell.text(text), facts);
    }

    /** Non-blank data rows, as counted by the evidence pass. */
    public long rowCount() {
        return rowCount;
    }

    /** The parsed rows, streamed; close it when done. */
    public ParsedRows rows() {
        var rows = table.rows();
        return new ParsedRows() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public ParsedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return model.parse(rows.next(), match, facts);
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }

    /** Parsed rows over an open file. */
    public interface ParsedRows extends java.util.Iterator<ParsedRow>, AutoCloseable {
        @Override
        void close();
    }
}
