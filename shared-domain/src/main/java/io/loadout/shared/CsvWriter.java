package io.loadout.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams rows as a CSV download with the columns and cell texts of the .xlsx export ({@link XlsxWriter}): UTF-8
 * with a byte-order mark, so spreadsheet programs read accents right. A text that a spreadsheet would run as a
 * formula (starting with {@code = + - @}, tab or CR: a customer named {@code =HYPERLINK(…)}) gets a leading
 * apostrophe; numbers are written as they are.
 */
public final class CsvWriter<T> implements AutoCloseable {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final BufferedWriter out;
    private final List<XlsxWriter.Column<T>> columns;

    public CsvWriter(OutputStream out, List<XlsxWriter.Column<T>> columns) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.columns = List.copyOf(columns);
        print("\ufeff" + Csv.line(columns.stream().map(XlsxWriter.Column::header).toList()));
    }

    public void write(T item) {
        var cells = new ArrayList<String>(columns.size());
        for (var column : columns) {
            Object value = column.value().apply(item);
            cells.add(value == null ? null : value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof Number n ? n.toString() : inert(XlsxWriter.text(value)));
        }
        print(Csv.line(cells));
    }

    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private void print(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
