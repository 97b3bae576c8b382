package io.loadout.imports.table;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import org.dhatim.fastexcel.reader.CellType;

/** Workbook cell to {@link Cell}: a number formatted as a date is a date cell; a formula gives its cached value. */
final class XlsxCells {

    /** Excel's built-in date and time number formats (ECMA-376 18.8.30). */
    private static final Set<Integer> BUILT_IN_DATES = Set.of(14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47);

    private XlsxCells() {
    }

    static Cell convert(org.dhatim.fastexcel.reader.Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return Cell.BLANK;
        }
        String raw = cell.getRawValue();
        boolean numeric = cell.getType() == CellType.NUMBER
                || (cell.getType() == CellType.FORMULA && cell.getValue() instanceof BigDecimal);
        if (numeric && raw != null && !raw.isBlank()) {
            BigDecimal number = new BigDecimal(raw.strip());
            if (isDateFormat(cell.getDataFormatId(), cell.getDataFormatString())) {
                return new Cell(raw, null, cell.asDate().toLocalDate());
            }
            return new Cell(number.stripTrailingZeros().toPlainString(), number, null);
        }
        if (cell.getType() == CellType.ERROR) {
            return Cell.text("#ERROR " + cell.getText());
        }
        return Cell.text(cell.getText());
    }

    /** A number format that shows a date: built-in ids, or a custom one with y/m/d outside quotes and brackets. */
    static boolean isDateFormat(Integer id, String format) {
        if (id != null && BUILT_IN_DATES.contains(id)) {
            return true;
        }
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "")
                .toLowerCase(Locale.ROOT);
        return !bare.equals("general") && bare.matches(".*[ymd].*");
    }
}
