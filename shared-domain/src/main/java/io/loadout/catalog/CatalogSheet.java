package io.loadout.catalog;

import io.loadout.imports.table.Column;
import io.loadout.imports.table.ColumnType;
import io.loadout.imports.table.RowModel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The catalog import's columns: what {@link CatalogImporter} reads, and what the README shows. The configurations
 * export ({@link CatalogExports#CONFIGURATIONS}) writes them under its seed headers ("Base Product Name",
 * "Version Name", "Catalog Name", "Config Name"), declared here as aliases so an export imports back unchanged;
 * its other columns (codes, statuses, description, active price) are not imported and are reported as ignored.
 */
public final class CatalogSheet {

    private static final ColumnType.Text NAME = new ColumnType.Text(200);

    static final Column<String> BASE_PRODUCT = Column.required("base_product", NAME,
            "Base product name; created when new, else its sub type, brand and model are updated", "Magnum")
            .alsoNamed("base product name");
    static final Column<String> ITEM_TYPE = Column.required("item_type", new ColumnType.Text(20),
            "VEHICLE, PARTS or ACCESSORIES; a base product keeps its item type", "VEHICLE");
    static final Column<String> SUB_TYPE = Column.required("sub_type", new ColumnType.Text(50),
            "A word of letters, digits or _ (e.g. SCOOTER)", "SCOOTER");
    static final Column<String> BRAND = Column.optional("brand", new ColumnType.Text(100),
            "Brand of the base product; kept when blank", "Fleeto");
    static final Column<String> PRODUCT_MODEL = Column.optional("model", new ColumnType.Text(100),
            "Model of the base product; kept when blank", "M1");
    static final Column<String> VERSION = Column.required("version", NAME, "Version of the base product", "V1")
            .alsoNamed("version name");
    static final Column<String> CATALOG = Column.required("catalog", NAME, "Catalog name within the version", "Red")
            .alsoNamed("catalog name");
    static final Column<String> YEAR = Column.optional("year", new ColumnType.Text(4), "Model year, e.g. 2026",
            "2026");
    static final Column<String> HSN_CODE = Column.required("hsn_code", new ColumnType.Text(8),
            "HSN code of 4, 6 or 8 digits", "87116020");
    static final Column<BigDecimal> WEIGHT = Column.required("weight", new ColumnType.Decimal(BigDecimal.ZERO,
            new BigDecimal("9999999.999"), 3), "Weight of the catalog", "62.5");
    static final Column<String> COLOUR = Column.required("colour", new ColumnType.Text(60), "Colour", "Red")
            .alsoNamed("color");
    static final Column<String> SELLING_TYPE = Column.required("selling_type", new ColumnType.Text(20),
            "SALEABLE, NON_SALEABLE or UNKNOWN", "SALEABLE");
    static final Column<String> GST_RATE = Column.required("gst_rate", new ColumnType.Text(10),
            "GST-0, GST-5, GST-12, GST-18 or GST-28", "GST-5");
    static final Column<String> CONFIGURATION = Column.optional("configuration", NAME,
            "Configuration name; required for a VEHICLE, else the catalog's name (its default configuration)", "60V")
            .alsoNamed("config name", "config");
    static final Column<String> ADDITIONAL_INFO = Column.optional("additional_info", new ColumnType.Text(30_000),
            "Details as key=value; key=value (or key: value, as the export writes them); kept when blank",
            "Battery=60V 30Ah; Motor=2kW").alsoNamed("additional infos");
    static final Column<BigDecimal> PRICE = Column.optional("price", new ColumnType.Decimal(new BigDecimal("0.00"),
            new BigDecimal("9999999999.99"), 2), "A price of the configuration, with valid_from", "1000.00");
    static final Column<Instant> VALID_FROM = Column.optional("valid_from", new ColumnType.Moment(),
            "Start of the price, with price", "2026-01-01");
    static final Column<Instant> VALID_TO = Column.optional("valid_to", new ColumnType.Moment(),
            "End of the price (exclusive), after valid_from; open-ended when blank", "");

    /** Unknown columns (the export's codes and statuses, a sheet's notes) are ignored and reported, as before. */
    public static final RowModel MODEL = RowModel.of(CatalogImporter.KIND, BASE_PRODUCT, ITEM_TYPE, SUB_TYPE, BRAND,
            PRODUCT_MODEL, VERSION, CATALOG, YEAR, HSN_CODE, WEIGHT, COLOUR, SELLING_TYPE, GST_RATE, CONFIGURATION,
            ADDITIONAL_INFO, PRICE, VALID_FROM, VALID_TO).ignoringUnknownColumns();

    private CatalogSheet() {
    }
}
