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

    /** A workbook as other tools write it: no styles part (it is optional), inline strings, numbers as numbers. */
    @Test
    void aWorkbookWithoutAStylesPartIsRead() throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType="
                    + "\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
                    + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006"
                    + "/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument"
                    + "/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006"
                    + "/main\"><sheetData><row r=\"1\">" + inline("A1", "asin") + inline("B1", "unit_weight_lb")
                    + inline("C1", "qty_purchased") + inline("D1", "unit_cost") + inline("E1", "date_added")
                    + "</row><row r=\"2\">" + inline("A2", "B000000007") + "<c r=\"B2\"><v>0.75</v></c>"
                    + "<c r=\"C2\"><v>12</v></c><c r=\"D2\"><v>3.5</v></c>" + inline("E2", "2026-11-02")
                    + "</row></sheetData></worksheet>");
        }

        var rows = parsed(MODEL.read(table(bytes(out.toByteArray())), CLOCK));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(0).get(Fixtures.WEIGHT)).isEqualByComparingTo("0.75");
        assertThat(rows.get(0).get(Fixtures.QTY)).isEqualTo(12L);
        assertThat(rows.get(0).get(Fixtures.ADDED)).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }
}
