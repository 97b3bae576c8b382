package io.loadout.imports.table;

import java.util.List;

/** One row of a file with the file line it starts on (the header is line 1; a quoted multi-line cell counts its lines). */
public record SheetRow(long line, List<Cell> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public Cell cell(int index) {
        return index < cells.size() ? cells.get(index) : Cell.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(Cell::isBlank);
    }
}
