package io.loadout.imports.table;

import static io.loadout.imports.table.Fixtures.CLOCK;
import static io.loadout.imports.table.Fixtures.MODEL;
import static io.loadout.imports.table.Fixtures.bytes;
import static io.loadout.imports.table.Fixtures.parsed;
import static io.loadout.imports.table.Fixtures.rows;
import static io.loadout.imports.table.Fixtures.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

class XlsxReadingTest {

    /** A hidden first sheet, then the data: numbers, a formula with its cached value, a real date cell. */
    static byte[] workbook() throws Exception {
        var out = new ByteArrayOutputStream();
        var workbook = new Workbook(out, "test", "1.0");
        var hidden = workbook.newWorksheet("lookup");
        hidden.value(0, 0, "sku");
        hidden.value(1, 0, "not the data");
        hidden.setVisibilityState(VisibilityState.HIDDEN);
        var sheet = workbook.newWorksheet("buying");
        String[] header = {"ASIN", "Product Title", "Weight", "Quantity Purchased", "Cost", "Date"};
        for (int c = 0; c < header.length; c++) {
            sheet.value(0, c, header[c]);
        }
        sheet.value(1, 0, "B000000001");
        sheet.value(1, 1, "Café");
        sheet.value(1, 2, 1.25);
        sheet.value(1, 3, 24);
        sheet.formula(1, 4, "C2*2");
        sheet.value(1, 5, LocalDate.of(2026, 3, 4));
        sheet.style(1, 5).format("yyyy-mm-dd").set();
        sheet.value(3, 0, "B000000002");
        sheet.value(3, 1, "blank row above");
        sheet.value(3, 2, "0,5");
        sheet.value(3, 3, 2);
        sheet.value(3, 4, 7);
        sheet.value(3, 5, "11/21/2026");
        workbook.finish();
        return withCachedFormulaValue(out.toByteArray(), "<f>C2*2</f>", "<v>2.5</v>");
    }

    /** FastExcel writes formulas without the value Excel caches when it saves; add one as Excel would. */
    private static byte[] withCachedFormulaValue(byte[] xlsx, String formula, String cached) throws Exception {
        var file = Files.createTempFile("formula", ".xlsx");
        try {
            Files.write(file, xlsx);
            var out = new ByteArrayOutputStream();
            try (var zip = new ZipFile(file.toFile()); var copy = new ZipOutputStream(out)) {
                for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                    var entry = entries.nextElement();
                    byte[] data = zip.getInputStream(entry).readAllBytes();
                    if (entry.getName().startsWith("xl/worksheets/")) {
                        data = new String(data, StandardCharsets.UTF_8).replace(formula, formula + cached)
                                .getBytes(StandardCharsets.UTF_8);
                    }
                    copy.putNextEntry(new ZipEntry(entry.getName()));
                    copy.write(data);
                    copy.closeEntry();
                }
            }
            return out.toByteArray();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void theFirstVisibleSheetIsReadWithTypedCells() throws Exception {
        var table = table(bytes(workbook()));
        assertThat(table.format()).isEqualTo("xlsx");
        assertThat(table.encoding()).isEmpty();
        assertThat(table.header().cells()).extracting(Cell::text)
                .containsExactly("ASIN", "Product Title", "Weight", "Quantity Purchased", "Cost", "Date");
        var rows = rows(table);
        assertThat(rows).extracting(SheetRow::line).containsExactly(2L, 4L);
        assertThat(rows.get(0).cell(4).number()).isEqualByComparingTo("2.5");
        assertThat(rows.get(0).cell(5).date()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(rows.get(0).cell(2).date()).isNull();
    }

    @Test
    void aWorkbookReadsAgainstTheModelLikeACsv() throws Exception {
        var parsed = parsed(MODEL.read(table(bytes(workbook())), CLOCK));
        assertThat(parsed).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        var first = parsed.get(0);
        assertThat(first.get(Fixtures.TITLE)).isEqualTo("Café");
        assertThat(first.get(Fixtures.COST)).isEqualByComparingTo("2.50");
        assertThat(first.get(Fixtures.ADDED)).isEqualTo(LocalDate.of(2026, 3, 4));
        var second = parsed.get(1);
        assertThat(second.line()).isEqualTo(4);
        assertThat(second.get(Fixtures.WEIGHT)).isEqualByComparingTo("0.5");
        assertThat(second.get(Fixtures.QTY)).isEqualTo(2L);
        assertThat(second.get(Fixtures.ADDED)).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void aWorkbookWithOnlyHiddenSheetsIsRefused() throws Exception {
        var out = new ByteArrayOutputStream();
        var workbook = new Workbook(out, "test", "1.0");
        var only = workbook.newWorksheet("secret");
        only.value(0, 0, "asin");
        only.setVisibilityState(VisibilityState.HIDDEN);
        workbook.finish();
        assertThatThrownBy(() -> table(bytes(out.toByteArray()))).isInstanceOf(FileRefused.class)
                .hasMessage("the workbook has no visible sheet");
    }
}
