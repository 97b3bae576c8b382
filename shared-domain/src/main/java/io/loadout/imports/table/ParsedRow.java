package io.loadout.imports.table;

import io.loadout.imports.RowError;
import java.util.List;

/**
 * One data row read against a row model: its file line, the value of each column (null when blank or refused) and
 * the errors, each naming its column. A row with several errors is still one failed row.
 */
public record ParsedRow(long line, RowModel model, Object[] values, List<RowError> errors) {

    public ParsedRow {
        errors = List.copyOf(errors);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Column<T> column) {
        return (T) values[model.indexOf(column)];
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
