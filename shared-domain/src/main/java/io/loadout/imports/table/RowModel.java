package io.loadout.imports.table;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.loadout.imports.RowError;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One import kind's declared columns, from which everything else is derived: header matching, cell parsing and
 * bounds, the README's format table and an example file.
 */
public record RowModel(String kind, List<Column<?>> columns, boolean ignoresUnknownColumns) {

    public RowModel {
        columns = List.copyOf(columns);
        var keys = new java.util.HashSet<String>();
        for (var column : columns) {
            for (String spelling : concat(column.name(), column.aliases())) {
                if (!keys.add(Column.key(spelling))) {
                    throw new IllegalArgumentException("two columns of " + kind + " answer to '" + spelling + "'");
                }
            }
        }
    }

    public static RowModel of(String kind, Column<?>... columns) {
        return new RowModel(kind, List.of(columns), false);
    }

    /** The same model, ignoring (and reporting) header cells that name no column instead of refusing the file. */
    public RowModel ignoringUnknownColumns() {
        return new RowModel(kind, columns, true);
    }

    /** Matches the header, runs the evidence pass over the whole file, and gives the rows to stream. */
    public ModelReader read(Table table, Clock clock) {
        return ModelReader.open(this, table, clock);
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    int indexOf(Column<?> column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == column) {
                return i; // rows look columns up by the model's own constants; a record's equals compares every field
            }
        }
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(column.name() + " is not a column of " + kind);
        }
        return index;
    }

    ParsedRow parse(SheetRow row, HeaderMatch match, ColumnType.FileFacts facts) {
        var values = new Object[columns.size()];
        var errors = new ArrayList<RowError>();
        for (int c = 0; c < columns.size(); c++) {
            var column = columns.get(c);
            int position = match.position(c);
            Cell cell = position < 0 ? Cell.BLANK : row.cell(position);
            if (cell.isBlank()) {
                if (column.required()) {
                    errors.add(new RowError(row.line(), column.name(), "must not be blank"));
                }
                continue;
            }
            try {
                values[c] = column.type().parse(cell, facts);
            } catch (CellRefused e) {
                errors.add(new RowError(row.line(), column.name(), e.getMessage()));
            }
        }
        for (int i = match.width(); i < row.cells().size(); i++) {
            if (!row.cell(i).isBlank()) {
                errors.add(new RowError(row.line(), "column " + (i + 1), "'" + row.cell(i).text()
                        + "' is in a column with no header"));
            }
        }
        return new ParsedRow(row.line(), this, values, errors);
    }

    /** The README's format table: one line per column. */
    public String markdownTable() {
        var out = new StringBuilder("| Column | Required | Holds | Also accepted as | Meaning |\n");
        out.append("|---|---|---|---|---|\n");
        for (var column : columns) {
            out.append("| `").append(column.name()).append("` | ").append(column.required() ? "yes" : "no")
                    .append(" | ").append(column.type().describe()).append(" | ")
                    .append(String.join(", ", column.aliases().stream().map(a -> "`" + a + "`").toList()))
                    .append(" | ").append(column.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    /** An example CSV: the header and one row of the columns' example values. */
    public String exampleCsv() {
        var text = new StringWriter();
        try (var csv = CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(text)) {
            csv.writeRecord(names());
            csv.writeRecord(columns.stream().map(Column::example).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>(rest);
        all.add(0, first);
        return all;
    }
}
