package io.loadout.imports.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A small buying-sheet-like model and helpers to read test files from memory. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final Column<String> ASIN = Column.required("asin", new ColumnType.Text(10), "Amazon product id", "B000000001")
            .alsoNamed("ASIN code");
    static final Column<String> TITLE = Column.optional("title", new ColumnType.Text(500), "Product title, as | shown",
            "Crème brûlée torch, 2 pack").alsoNamed("product title", "item name");
    static final Column<BigDecimal> WEIGHT = Column.required("unit_weight_lb",
            new ColumnType.Decimal(new BigDecimal("0.001"), new BigDecimal("1000.000"), 3), "Weight of one unit in pounds",
            "1.25").alsoNamed("weight", "item weight");
    static final Column<Long> QTY = Column.required("qty_purchased", new ColumnType.Whole(0, 1_000_000),
            "Units bought", "24").alsoNamed("quantity purchased");
    static final Column<BigDecimal> COST = Column.required("unit_cost", ColumnType.Decimal.money(), "Cost of one unit",
            "4.20").alsoNamed("cost");
    static final Column<java.time.LocalDate> ADDED = Column.required("date_added",
            new ColumnType.Date(true, null), "The day the batch was bought", "2026-11-21").alsoNamed("date");
    static final RowModel MODEL = RowModel.of("inventory", ASIN, TITLE, WEIGHT, QTY, COST, ADDED);

    private Fixtures() {
    }

    static Content bytes(byte[] bytes) {
        return () -> new ByteArrayInputStream(bytes);
    }

    static Content text(String text, Charset charset) {
        return bytes(text.getBytes(charset));
    }

    static Content utf8(String text) {
        return text(text, StandardCharsets.UTF_8);
    }

    static Table table(Content content) throws IOException {
        return Table.open(content, Limits.DEFAULT);
    }

    static ModelReader read(String csv) throws IOException {
        return MODEL.read(table(utf8(csv)), CLOCK);
    }

    static java.util.List<ParsedRow> parsed(ModelReader reader) {
        var all = new java.util.ArrayList<ParsedRow>();
        try (var rows = reader.rows()) {
            rows.forEachRemaining(all::add);
        }
        return all;
    }

    static java.util.List<SheetRow> rows(Table table) {
        var all = new java.util.ArrayList<SheetRow>();
        try (var rows = table.rows()) {
            rows.forEachRemaining(all::add);
        }
        return all;
    }
}
