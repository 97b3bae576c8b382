package io.loadout.imports.table;

import static io.loadout.imports.table.Fixtures.bytes;
import static io.loadout.imports.table.Fixtures.rows;
import static io.loadout.imports.table.Fixtures.table;
import static io.loadout.imports.table.Fixtures.text;
import static io.loadout.imports.table.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class TableReadingTest {

    private static List<String> texts(SheetRow row) {
        return row.cells().stream().map(Cell::text).toList();
    }

    @Test
    void windows1252IsDetectedAndDecoded() throws Exception {
        var table = table(text("asin,title\nB000000001,Crème brûlée torch\nB000000002,Café\n", Charset.forName("windows-1252")));
        assertThat(table.encoding()).contains(TextEncoding.WINDOWS_1252);
        assertThat(table.encoding().orElseThrow().label()).isEqualTo("windows-1252");
        assertThat(rows(table)).extracting(r -> r.cell(1).text()).containsExactly("Crème brûlée torch", "Café");
    }

    @Test
    void utf8WithAndWithoutBom() throws Exception {
        var plain = table(utf8("asin,title\nB000000001,Café\n"));
        assertThat(plain.encoding()).contains(TextEncoding.UTF_8);
        assertThat(rows(plain).get(0).cell(1).text()).isEqualTo("Café");
        var bom = table(utf8("\uFEFFasin,title\nB000000001,Crème brûlée torch\n"));
        assertThat(bom.encoding()).contains(TextEncoding.UTF_8_BOM);
        assertThat(texts(bom.header())).containsExactly("asin", "title");
        assertThat(rows(bom).get(0).cell(1).text()).isEqualTo("Crème brûlée torch");
    }

    @Test
    void utf16WithBomIsDecoded() throws Exception {
        var table = table(text("\uFEFFasin\ttitle\nB000000001\tCafé\n", StandardCharsets.UTF_16LE));
        assertThat(table.encoding()).contains(TextEncoding.UTF_16LE);
        assertThat(table.delimiter()).contains('\t');
        assertThat(texts(rows(table).get(0))).containsExactly("B000000001", "Café");
    }

    @Test
    void semicolonAndTabFilesAreSplitByTheirSeparator() throws Exception {
        var semicolon = table(utf8("asin;unit_cost\nB000000001;\"4,20\"\n"));
        assertThat(semicolon.delimiter()).contains(';');
        assertThat(texts(rows(semicolon).get(0))).containsExactly("B000000001", "4,20");
        var tab = table(utf8("asin\tunit cost\nB000000002\t1,234.50\n"));
        assertThat(tab.delimiter()).contains('\t');
        assertThat(texts(rows(tab).get(0))).containsExactly("B000000002", "1,234.50");
    }

    @Test
    void aHeaderWithTwoSeparatorsIsRefused() {
        assertThatThrownBy(() -> table(utf8("asin;unit cost, USD;qty\nB000000001;4,20;3\n")))
                .isInstanceOf(FileRefused.class)
                .hasMessageStartingWith("the header line holds commas and semicolons, so which one separates the columns is unclear");
    }

    @Test
    void quotedSeparatorsInTheHeaderDoNotCount() throws Exception {
        assertThat(table(utf8("asin,\"weight; lb\"\nB000000001,2\n")).delimiter()).contains(',');
    }

    @Test
    void lineNumbersAreFileLinesCountingQuotedLineBreaks() throws Exception {
        var table = table(utf8("asin,title\nB000000001,\"two\nlines\"\n\nB000000002,after\nB000000003,\"a\r\nb\r\nc\"\nB000000004,last\n"));
        assertThat(table.header().line()).isEqualTo(1);
        assertThat(rows(table)).extracting(SheetRow::line).containsExactly(2L, 5L, 6L, 9L);
        assertThat(rows(table).get(0).cell(1).text()).isEqualTo("two\nlines");
    }

    @Test
    void binaryFilesSayWhatTheyAre() {
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}, "this is a JPEG image, not a sheet");
        assertRefused(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "this is a PNG image, not a sheet");
        assertRefused("GIF89a...".getBytes(StandardCharsets.US_ASCII), "this is a GIF image, not a sheet");
        assertRefused("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "this is a PDF document, not a sheet");
        assertRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0},
                "this is a legacy Excel .xls (Office 97-2003) file, not a sheet");
        assertRefused(new byte[] {'a', 'b', 0, 1, 2}, "this is a binary file, not text");
    }

    @Test
    void aZipThatIsNoWorkbookIsRefused() throws Exception {
        assertRefused(zip("notes.txt", "word/document.xml"), "this is a Word document");
        assertRefused(zip("photos/1.jpg", "readme.txt"), "this is a ZIP archive, not an .xlsx workbook");
    }

    @Test
    void aCsvWithTooManyRowsIsRefusedBeforeAnyRowIsRead() throws Exception {
        assertThatThrownBy(() -> Table.open(utf8("asin\nB000000001\nB000000002\nB000000003\n"), new Limits(2, 10)))
                .isInstanceOf(FileRefused.class).hasMessage("file too large: limit 2 rows");
        // more line ends than the limit (a blank line, CRLF), rows within it
        var fits = Table.open(utf8("asin\r\nB000000001\r\n\r\nB000000002\r\n"), new Limits(2, 10));
        assertThat(rows(fits)).hasSize(2);
    }

    @Test
    void tooManyBytesAreRefusedWhenSniffed() {
        byte[] big = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        big[5] = '\n';
        assertThatThrownBy(() -> Table.open(bytes(big), new Limits(10, 1))).hasMessage("file too large: limit 1 MB");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> table(bytes(new byte[0]))).hasMessage("the file is empty");
        assertThatThrownBy(() -> table(utf8("\n\n"))).hasMessage("the file has no header line");
    }

    private static void assertRefused(byte[] content, String start) {
        assertThatThrownBy(() -> table(bytes(content))).isInstanceOf(FileRefused.class).hasMessageStartingWith(start);
    }

    static byte[] zip(String... names) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
