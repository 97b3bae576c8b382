package io.loadout.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Streams rows into a one-sheet .xlsx: rows are flushed to the output every {@value #FLUSH_EVERY}, so memory stays
 * bounded at any row count. Texts are inline strings: the workbook's shared-string table would keep every distinct
 * text (a code per row) in memory until the end. Instants are written as UTC text ({@code 2026-11-21 10:00:00Z}).
 */
public final class XlsxWriter<T> implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1000;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /** One column: its header and how a row gives its value. */
    public record Column<T>(String header, Function<T, Object> value) {
    }

    private final Workbook workbook;
    private final Worksheet sheet;
    private final List<Column<T>> columns;
    private int row = 1;

    public XlsxWriter(OutputStream out, String sheetName, List<Column<T>> columns) {
        this.workbook = new Workbook(out, "Loadout", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        this.columns = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, columns.get(c).header());
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
    }

    public void write(T item) {
        for (int c = 0; c < columns.size(); c++) {
            Object value = columns.get(c).value().apply(item);
            if (value instanceof Number n) {
                sheet.value(row, c, n instanceof BigDecimal ? n : n.doubleValue());
            } else if (value != null) {
                sheet.inlineString(row, c, text(value));
            }
        }
        if (++row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A non-numeric cell as text: instants in UTC, labelled values by their label. The CSV export writes the same. */
    static String text(Object value) {
        if (value instanceof Instant t) {
            return INSTANT.format(t);
        }
        return value instanceof Sql.Labelled l ? l.label() : value.toString();
    }

    @Override
    public void close() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
