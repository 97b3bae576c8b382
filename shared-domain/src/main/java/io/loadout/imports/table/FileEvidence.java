package io.loadout.imports.table;

import java.time.LocalDate;

/**
 * What the rows read so far show about the whole file: its decimal convention and whether it holds day/month dates
 * (see {@link Numbers} and {@link Dates}). Also tells whether a row already reads as it would once the whole file is
 * known: a row is <b>settled</b> unless one of its number cells could still read differently (the convention is
 * undecided and the value is ambiguous or no number) or one of its slash dates would become ambiguous were a
 * day/month date to follow.
 */
final class FileEvidence {

    private final RowModel model;
    private final HeaderMatch match;
    private final NumberEvidence numbers = new NumberEvidence();
    private NumberConvention convention = NumberConvention.UNDECIDED;
    private long dayFirstLine;

    FileEvidence(RowModel model, HeaderMatch match) {
        this.model = model;
        this.match = match;
    }

    /**
     * Takes the row's evidence.
     *
     * @throws FileRefused as soon as the file shows both decimal conventions
     */
    void see(SheetRow row) {
        for (int c = 0; c < model.columns().size(); c++) {
            var column = model.columns().get(c);
            String text = text(row, c);
            if (text == null) {
                continue;
            }
            if (column.numeric()) {
                if (numbers.see(text, row.line(), column.name())) {
                    convention = numbers.convention();
                }
            } else if (column.dated() && dayFirstLine == 0 && Dates.dayFirst(text)) {
                dayFirstLine = row.line();
            }
        }
    }

    /** Whether the row reads the same whatever the rows not read yet hold. */
    boolean settled(SheetRow row) {
        for (int c = 0; c < model.columns().size(); c++) {
            var column = model.columns().get(c);
            String text = text(row, c);
            if (text == null) {
                continue;
            }
            if (column.numeric() && convention == NumberConvention.UNDECIDED
                    && !Numbers.readings(text).readsAlike()) {
                return false;
            }
            if (column.dated() && dayFirstLine == 0 && Dates.orderMatters(text)) {
                return false;
            }
        }
        return true;
    }

    NumberConvention convention() {
        return convention;
    }

    ColumnType.FileFacts facts(LocalDate today) {
        return new ColumnType.FileFacts(convention, dayFirstLine, today);
    }

    /** The cell's text when it is read as text (a workbook's typed cells are not); null when it is not. */
    private String text(SheetRow row, int column) {
        int position = match.position(column);
        if (position < 0) {
            return null;
        }
        Cell cell = row.cell(position);
        return cell.number() != null || cell.date() != null || cell.text().isEmpty() ? null : cell.text();
    }
}
