package io.loadout.allocation;

import io.loadout.imports.table.Column;
import io.loadout.imports.table.ColumnType;
import io.loadout.imports.table.RowModel;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The buying sheet's columns: what the inventory import reads, and what the README shows. */
public final class InventorySheet {

    static final BigDecimal DEFAULT_MIN_SHIP = new BigDecimal("0.10");
    private static final ColumnType.Decimal INCHES = new ColumnType.Decimal(new BigDecimal("0.01"),
            new BigDecimal("1000.00"), 2);
    private static final ColumnType.Decimal SHIPPING = new ColumnType.Decimal(new BigDecimal("0.00"),
            new BigDecimal("100000.00"), 2);
    private static final ColumnType.Whole UNITS = new ColumnType.Whole(0, 1_000_000);

    static final Column<String> ASIN = Column.required("asin", new ColumnType.Text(10),
            "Amazon product id, 10 letters or digits", "B000000001").alsoNamed("asin code");
    static final Column<String> BATCH = Column.required("batch", new ColumnType.Text(100),
            "Purchase batch (PO); one row per ASIN and batch", "PO-1042").alsoNamed("purchase batch", "batch id", "po");
    static final Column<String> TITLE = Column.optional("title", new ColumnType.Text(500),
            "Product title; the ASIN when blank", "Crème brûlée torch").alsoNamed("product title", "item name");
    static final Column<BigDecimal> WEIGHT = Column.required("unit_weight_lb", new ColumnType.Decimal(
            new BigDecimal("0.001"), new BigDecimal("10000.000"), 3), "Weight of one unit in pounds", "1.25")
            .alsoNamed("item weight", "weight", "unit weight", "weight lb", "item weight lb");
    static final Column<BigDecimal> LENGTH = Column.optional("length_in", INCHES, "Package length in inches "
            + "(or package_dimensions)", "10").alsoNamed("length", "package length");
    static final Column<BigDecimal> WIDTH = Column.optional("width_in", INCHES, "Package width in inches", "8")
            .alsoNamed("width", "package width");
    static final Column<BigDecimal> HEIGHT = Column.optional("height_in", INCHES, "Package height in inches", "4")
            .alsoNamed("height", "package height");
    static final Column<String> DIMENSIONS = Column.optional("package_dimensions", new ColumnType.Text(100),
            "Package size as L x W x H in inches, instead of the three columns", "").alsoNamed("dimensions");
    static final Column<Long> PURCHASED = Column.required("qty_purchased", UNITS, "Units bought", "24")
            .alsoNamed("quantity purchased");
    static final Column<Long> REMAINING = Column.required("qty_remaining", UNITS,
            "Units still on hand, at most qty_purchased", "24").alsoNamed("remaining quantity", "quantity remaining");
    static final Column<BigDecimal> UNIT_COST = Column.required("unit_cost", new ColumnType.Decimal(
            new BigDecimal("0.01"), new BigDecimal("10000000.00"), 2), "Cost of one unit", "4.20").alsoNamed("cost");
    static final Column<LocalDate> DATE_ADDED = Column.required("date_added", new ColumnType.Date(true, null),
            "The day the batch was bought", "2026-11-21").alsoNamed("date");
    static final Column<BigDecimal> MIN_SHIP = Column.optional("min_ship", SHIPPING,
            "Lowest shipping price per unit; 0.10 when blank", "0.10").alsoNamed("min shipping price", "min shipping");
    static final Column<BigDecimal> MAX_SHIP = Column.required("max_ship", SHIPPING,
            "Highest shipping price per unit, at least min_ship", "2.00").alsoNamed("max shipping price", "max shipping");

    /** Unknown columns (a sheet's notes, formulas) are ignored and reported, as before. */
    public static final RowModel MODEL = RowModel.of(InventoryImporter.KIND, ASIN, BATCH, TITLE, WEIGHT, LENGTH, WIDTH, HEIGHT,
            DIMENSIONS, PURCHASED, REMAINING, UNIT_COST, DATE_ADDED, MIN_SHIP, MAX_SHIP).ignoringUnknownColumns();

    private InventorySheet() {
    }
}
