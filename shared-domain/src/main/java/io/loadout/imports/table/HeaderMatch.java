package io.loadout.imports.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each declared column sits in a file's header. Built by {@link #of}, which refuses, in this order: a header
 * read as a single cell (the file is not separated the way it looks), a header naming none of the columns (the
 * wrong kind of file), then duplicate, unknown (unless the model ignores them) and missing required columns,
 * all of these together in one message.
 */
public final class HeaderMatch {

    private final int[] positions;
    private final int width;
    private final List<String> ignored;

    private HeaderMatch(int[] positions, int width, List<String> ignored) {
        this.positions = positions;
        this.width = width;
        this.ignored = List.copyOf(ignored);
    }

    /** How many cells the header has: a value to the right of them is under no column. */
    int width() {
        return width;
    }

    /** The cell index of the column, -1 when the file does not have it. */
    int position(int column) {
        return positions[column];
    }

    /** Header cells the model ignores (only when it accepts unknown columns). */
    public List<String> ignored() {
        return ignored;
    }

    static HeaderMatch of(RowModel model, SheetRow header) {
        var columns = model.columns();
        var cells = header.cells().stream().map(Cell::text).toList();
        var named = cells.stream().filter(c -> !c.isEmpty()).toList();
        if (named.size() == 1 && columns.size() > 1 && columns.stream().noneMatch(c -> c.matches(named.get(0)))) {
            throw new FileRefused(header.line(), "the header line reads as a single column ('" + shorten(named.get(0))
                    + "'): the file is not separated by commas, semicolons or tabs, or its columns are all in"
                    + " one cell; the " + model.kind() + " columns are " + model.names());
        }
        int[] positions = new int[columns.size()];
        Arrays.fill(positions, -1);
        var problems = new ArrayList<String>();
        var unknown = new ArrayList<String>();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i);
            if (text.isEmpty()) {
                continue;
            }
            int column = find(columns, text);
            if (column < 0) {
                unknown.add(text);
            } else if (positions[column] >= 0) {
                problems.add("columns '" + cells.get(positions[column]) + "' and '" + text + "' both mean "
                        + columns.get(column).name());
            } else {
                positions[column] = i;
            }
        }
        if (Arrays.stream(positions).allMatch(p -> p < 0)) {
            throw new FileRefused(header.line(), "none of the header cells (" + shorten(String.join(", ", named))
                    + ") names a " + model.kind() + " column: is this a " + model.kind() + " file? The columns are "
                    + model.names());
        }
        if (!unknown.isEmpty() && !model.ignoresUnknownColumns()) {
            problems.add("unknown columns " + unknown + " (remove or rename them)");
        }
        var missing = new ArrayList<String>();
        for (int c = 0; c < columns.size(); c++) {
            if (positions[c] < 0 && columns.get(c).required()) {
                missing.add(columns.get(c).name());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing columns " + missing);
        }
        if (!problems.isEmpty()) {
            throw new FileRefused(header.line(), String.join("; ", problems) + "; the " + model.kind()
                    + " columns are " + model.names());
        }
        return new HeaderMatch(positions, cells.size(), model.ignoresUnknownColumns() ? unknown : List.of());
    }

    private static int find(List<Column<?>> columns, String header) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).matches(header)) {
                return c;
            }
        }
        return -1;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
