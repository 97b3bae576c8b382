package io.loadout.imports.table;

import static io.loadout.imports.table.Fixtures.MODEL;
import static io.loadout.imports.table.Fixtures.parsed;
import static io.loadout.imports.table.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.imports.RowError;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RowModelTest {

    private static final String HEADER = "asin,title,unit_weight_lb,qty_purchased,unit_cost,date_added\n";

    @Test
    void headersMatchByNameOrAliasWhateverTheCaseSpacesAndPunctuation() throws Exception {
        var reader = read("ASIN Code;Item Name;Item-Weight;Quantity_Purchased;COST;Date Added\n"
                + "B000000001;Café;1,5;3;4,25;2026-11-21\n");
        var row = parsed(reader).get(0);
        assertThat(row.errors()).isEmpty();
        assertThat(row.get(Fixtures.ASIN)).isEqualTo("B000000001");
        assertThat(row.get(Fixtures.TITLE)).isEqualTo("Café");
        assertThat(row.get(Fixtures.QTY)).isEqualTo(3L);
    }

    @Test
    void missingUnknownAndDuplicateColumnsAreNamedTogether() {
        assertThatThrownBy(() -> read("asin,weight,unit weight lb,colour,qty_purchased\nB000000001,1,1,red,3\n"))
                .isInstanceOf(FileRefused.class)
                .hasMessage("columns 'weight' and 'unit weight lb' both mean unit_weight_lb; unknown columns [colour]"
                        + " (remove or rename them); missing columns [unit_cost, date_added]; the inventory columns are"
                        + " [asin, title, unit_weight_lb, qty_purchased, unit_cost, date_added]");
    }

    @Test
    void aModelIgnoringUnknownColumnsReportsThem() throws Exception {
        var reader = MODEL.ignoringUnknownColumns().read(Fixtures.table(Fixtures.utf8(
                "asin,notes,unit_weight_lb,qty_purchased,unit_cost,date_added\nB000000001,x,1,2,3,2026-01-02\n")), Fixtures.CLOCK);
        assertThat(reader.header().ignored()).containsExactly("notes");
    }

    @Test
    void aFileOfTheWrongShapeSaysSoInsteadOfListingMissingColumns() {
        assertThatThrownBy(() -> read("asin|title|unit_weight_lb\nB000000001|x|1\n"))
                .hasMessageStartingWith("the header line reads as a single column ('asin|title|unit_weight_lb'):"
                        + " the file is not separated by commas, semicolons or tabs");
        assertThatThrownBy(() -> read("order id,customer,total\n1,Ann,3\n"))
                .hasMessageStartingWith("none of the header cells (order id, customer, total) names a inventory column:"
                        + " is this a inventory file?");
    }

    @Test
    void aDecimalCommaFileIsReadWithItsCommas() throws Exception {
        var reader = read("asin;title;unit_weight_lb;qty_purchased;unit_cost;date_added\n"
                + "B000000001;Torch;4,2;1.200;8,00;2026-11-21\n"
                + "B000000002;Pan;1,125;3;\"1.234,50 €\";11/2/2026\n");
        var rows = parsed(reader);
        assertThat(reader.numberConvention()).isEqualTo(NumberConvention.DECIMAL_COMMA);
        assertThat(rows).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(rows.get(0).get(Fixtures.WEIGHT)).isEqualByComparingTo("4.2");
        assertThat(rows.get(0).get(Fixtures.QTY)).isEqualTo(1200L);
        assertThat(rows.get(0).get(Fixtures.COST)).isEqualByComparingTo("8");
        assertThat(rows.get(1).get(Fixtures.WEIGHT)).isEqualByComparingTo("1.125");
        assertThat(rows.get(1).get(Fixtures.COST)).isEqualByComparingTo("1234.5");
        assertThat(rows.get(1).get(Fixtures.ADDED)).isEqualTo(LocalDate.of(2026, 11, 2));
    }

    @Test
    void aDecimalPointFileWithThousandsSeparators() throws Exception {
        var reader = read(HEADER + "B000000001,Torch,0.75,\"1,200\",\"$1,234.50\",2026-11-21\n"
                + "B000000002,Pan,2,7,12.5,3/4/2026\n");
        var rows = parsed(reader);
        assertThat(reader.numberConvention()).isEqualTo(NumberConvention.DECIMAL_POINT);
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(0).get(Fixtures.QTY)).isEqualTo(1200L);
        assertThat(rows.get(0).get(Fixtures.COST)).isEqualByComparingTo("1234.50");
        assertThat(rows.get(1).get(Fixtures.COST)).isEqualByComparingTo("12.50");
        assertThat(rows.get(1).get(Fixtures.ADDED)).isEqualTo(LocalDate.of(2026, 3, 4));
    }

    @Test
    void aFileMixingBothConventionsIsRefusedNamingALineOfEach() {
        assertThatThrownBy(() -> parsed(read(HEADER + "B000000001,Torch,0.75,3,9,2026-11-21\n"
                + "B000000002,Pan,1,2,\"4,2\",2026-11-21\n")))
                .isInstanceOf(FileRefused.class)
                .hasMessage("the file mixes decimal points (line 2: '0.75') and decimal commas (line 3: '4,2'), so what"
                        + " a value like 1,234 means cannot be told: save the file with one convention");
    }

    @Test
    void aLoneDecimalCommaEstablishesItselfAndIsNeverFortyTwo() throws Exception {
        var rows = parsed(read(HEADER + "B000000001,Torch,\"4,2\",3,\"12,00\",2026-11-21\n"));
        assertThat(rows.get(0).get(Fixtures.WEIGHT)).isEqualByComparingTo("4.2");
        assertThat(rows.get(0).get(Fixtures.COST)).isEqualByComparingTo("12");
    }

    @Test
    void anAmbiguousValueInAFileWithoutEvidenceIsRefused() throws Exception {
        var rows = parsed(read(HEADER + "B000000001,Torch,2,\"1,500\",3,2026-11-21\n"));
        assertThat(rows.get(0).errors()).containsExactly(new RowError(2, "qty_purchased",
                "'1,500' is ambiguous: 1500 or 1.500? No other value in the file shows its decimal separator;"
                        + " write it without a thousands separator"));
    }

    @Test
    void overflowAndTooManyDecimalsAreRowErrorsNamingTheColumn() throws Exception {
        var rows = parsed(read(HEADER
                + "B000000001,Torch,1,3,12345678901234,2026-11-21\n"
                + "B000000002,Torch,1,3,0.0001,2026-11-21\n"
                + "B000000003,Torch,1,12345678901,4,2026-11-21\n"
                + "B000000004,Torch,0.0001,2.5,-1,2026-11-21\n"));
        assertThat(rows.get(0).errors()).containsExactly(
                new RowError(2, "unit_cost", "12345678901234 is above the maximum 10,000,000.00"));
        assertThat(rows.get(1).errors()).containsExactly(new RowError(3, "unit_cost", "0.0001 has more than 2 decimals"));
        assertThat(rows.get(2).errors()).containsExactly(
                new RowError(4, "qty_purchased", "12345678901 is above the maximum 1,000,000"));
        assertThat(rows.get(3).errors()).containsExactly(
                new RowError(5, "unit_weight_lb", "0.0001 has more than 3 decimals"),
                new RowError(5, "qty_purchased", "must be a whole number (not 2.5)"),
                new RowError(5, "unit_cost", "-1 is below the minimum 0.00"));
        assertThat(rows.stream().filter(ParsedRow::failed)).hasSize(4);
    }

    @Test
    void datesInTheFutureImpossibleOrAmbiguousAreRefused() throws Exception {
        var rows = parsed(read(HEADER
                + "B000000001,Torch,1,3,4,2099-12-31\n"
                + "B000000002,Torch,1,3,4,2/30/2026\n"
                + "B000000003,Torch,1,3,4,25/03/2026\n"
                + "B000000004,Torch,1,3,4,3/4/2026\n"
                + "B000000005,Torch,1,3,4,46085\n"
                + "B000000006,Torch,1,3,4,11/11/2026\n"));
        assertThat(rows).extracting(r -> r.errors().isEmpty() ? "ok" : r.errors().get(0).message()).containsExactly(
                "2099-12-31 is in the future (today is 2026-12-01)",
                "'2/30/2026' is not a real date",
                "'25/03/2026' is day/month order; dates with slashes are read as US month/day: write 2026-03-25",
                "'3/4/2026' is ambiguous: the file also holds day/month dates (line 4); write 2026-03-04 or 2026-04-03",
                "'46085' is not a date: write 2026-03-04 or 3/4/2026",
                "ok");
        assertThat(rows.get(0).errors().get(0).field()).isEqualTo("date_added");
    }

    @Test
    void blankRequiredCellsAndCellsUnderNoHeaderAreErrorsOfOneRow() throws Exception {
        var rows = parsed(read(HEADER + "B000000001,,,3,4,2026-11-21,surplus\n"));
        assertThat(rows.get(0).errors()).containsExactly(new RowError(2, "unit_weight_lb", "must not be blank"),
                new RowError(2, "column 7", "'surplus' is in a column with no header"));
        assertThat(rows.get(0).failed()).isTrue();
        assertThat(rows.get(0).get(Fixtures.TITLE)).isNull();
    }

    @Test
    void theRowLimitIsCheckedBeforeAnyRowIsHandedOut() {
        assertThatThrownBy(() -> MODEL.read(Table.open(Fixtures.utf8(HEADER + "B000000001,a,1,1,1,2026-01-01\n"
                + "B000000002,a,1,1,1,2026-01-01\n"), new Limits(1, 5)), Fixtures.CLOCK))
                .isInstanceOf(FileRefused.class).hasMessage("file too large: limit 1 rows");
    }

    @Test
    void theReadmeTableAndExampleFileComeFromTheColumns() {
        assertThat(MODEL.markdownTable()).isEqualTo("""
                | Column | Required | Holds | Also accepted as | Meaning |
                |---|---|---|---|---|
                | `asin` | yes | text, up to 10 characters | `ASIN code` | Amazon product id |
                | `title` | no | text, up to 500 characters | `product title`, `item name` | Product title, as \\| shown |
                | `unit_weight_lb` | yes | number from 0.001 to 1,000.000, up to 3 decimals | `weight`, `item weight` | Weight of one unit in pounds |
                | `qty_purchased` | yes | whole number from 0 to 1,000,000 | `quantity purchased` | Units bought |
                | `unit_cost` | yes | number from 0.00 to 10,000,000.00, up to 2 decimals | `cost` | Cost of one unit |
                | `date_added` | yes | date, 2026-03-04 or 3/4/2026, not in the future | `date` | The day the batch was bought |
                """);
        assertThat(MODEL.exampleCsv()).isEqualTo(HEADER + "B000000001,\"Crème brûlée torch, 2 pack\",1.25,24,4.20,2026-11-21\n");
    }

    @Test
    void theExampleFileReadsBackWithoutErrors() throws Exception {
        var rows = parsed(read(MODEL.exampleCsv()));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.errors()).isEmpty());
    }

    @Test
    void anInstantIsIsoTheExportsSpacedFormOrADateMeaningItsStartInUtc() {
        var moment = new ColumnType.Moment();
        var facts = new ColumnType.FileFacts(NumberConvention.UNDECIDED, 0, LocalDate.of(2026, 12, 1));
        assertThat(moment.parse(Cell.text("2026-12-01T10:00:00Z"), facts)).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(moment.parse(Cell.text("2026-12-01 10:00:00Z"), facts)).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(moment.parse(Cell.text("12/1/2026"), facts)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(moment.parse(new Cell("46357", null, LocalDate.of(2026, 12, 1)), facts)).isEqualTo("2026-12-01T00:00:00Z");
        assertThatThrownBy(() -> moment.parse(Cell.text("2026-12-01 10:00"), facts)).isInstanceOf(CellRefused.class)
                .hasMessageStartingWith("'2026-12-01 10:00' is not an instant");
        assertThatThrownBy(() -> moment.parse(Cell.text("1/13/2026x"), facts)).isInstanceOf(CellRefused.class);
        // what the database could not store is a cell error, not an "import failed" from PostgreSQL
        assertThatThrownBy(() -> moment.parse(Cell.text("+999999-01-01T00:00:00Z"), facts)).isInstanceOf(CellRefused.class)
                .hasMessageContaining("between years 1 and 9999");
    }
}
