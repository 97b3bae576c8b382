package io.loadout.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * An .xlsx workbook read by FastExcel, streaming: the first visible sheet (hidden sheets are ignored); formula
 * cells give their cached value; number cells keep their number and date-formatted cells their date. The line
 * number is the sheet's row number.
 */
final class XlsxTable implements Table {

    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);
    /** For a workbook without a styles part: FastExcel cannot read formats it does not have ("null not found"). */
    private static final ReadingOptions WITHOUT_FORMATS = new ReadingOptions(false, false);

    private final Content content;
    private final Limits limits;
    private final ReadingOptions options;
    private final SheetRow header;

    private XlsxTable(Content content, Limits limits, ReadingOptions options) {
        this.content = content;
        this.limits = limits;
        this.options = options;
        try (var rows = new SheetRows(content, limits, options)) {
            this.header = rows.hasNext() ? rows.nextUncounted() : null;
        }
        if (header == null) {
            throw new FileRefused("the first visible sheet of the workbook is empty");
        }
    }

    /** {@code styled}: the workbook has a styles part; without one no cell is formatted as a date. */
    static XlsxTable open(Content content, Limits limits, boolean styled) {
        return new XlsxTable(content, limits, styled ? WITH_FORMATS : WITHOUT_FORMATS);
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public Optional<TextEncoding> encoding() {
        return Optional.empty();
    }

    @Override
    public Optional<Character> delimiter() {
        return Optional.empty();
    }

    @Override
    public SheetRow header() {
        return header;
    }

    @Override
    public Rows rows() {
        var rows = new SheetRows(content, limits, options);
        if (rows.hasNext()) {
            rows.nextUncounted();
        }
        return rows;
    }

    /** The non-blank rows of the first visible sheet, the header included. */
    private static final class SheetRows extends CountedRows {
        private final InputStream in;
        private final ReadableWorkbook workbook;
        private final Stream<Row> stream;
        private final Iterator<Row> source;

        SheetRows(Content content, Limits limits, ReadingOptions options) {
            super(limits);
            try {
                in = content.open();
                workbook = new ReadableWorkbook(in, options);
                var sheet = workbook.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                        .orElseThrow(() -> new FileRefused("the workbook has no visible sheet"));
                stream = sheet.openStream();
                source = stream.iterator();
            } catch (IOException | ExcelReaderException e) {
                throw unreadable(e);
            }
        }

        @Override
        SheetRow read() {
            try {
                return source.hasNext() ? convert(source.next()) : null;
            } catch (ExcelReaderException e) {
                throw unreadable(e);
            }
        }

        /** FastExcel's own message is kept for support, but the operator is told what to do. */
        private static FileRefused unreadable(Exception e) {
            return new FileRefused("the workbook cannot be read (" + e.getMessage() + "): open it in Excel or"
                    + " LibreOffice and save it again as .xlsx, or save it as CSV (UTF-8)");
        }

        private static SheetRow convert(Row row) {
            var cells = new ArrayList<Cell>(row.getCellCount());
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(XlsxCells.convert(row.getCell(i)));
            }
            return new SheetRow(row.getRowNum(), cells);
        }

        @Override
        public void close() {
            try (in; workbook) {
                stream.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
