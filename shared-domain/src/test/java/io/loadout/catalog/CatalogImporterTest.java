package io.loadout.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.catalog.CatalogFilters.CatalogFilter;
import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.StoredObject;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.XlsxWriter;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogImporterTest {

    static final AtomicLong GENERATION = new AtomicLong(50_000);
    static final String HEADER = "Base Product,Item Type,Sub Type,Brand,Version,Catalog,Year,HSN Code,Weight,Colour,"
            + "Selling Type,GST Rate,Configuration,Additional Info,Price,Valid From,Valid To\n";

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    CatalogQueries queries;
    @Inject
    Sql sql;

    ImportJob drop(String name, byte[] content) {
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, GENERATION.incrementAndGet(), (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    String errorsOf(ImportJob job) {
        return job.errorsObject() == null ? "no errors file" : bucket.text(job.errorsObject());
    }

    List<ConfigInformation> configurationsOf(String product) {
        var filter = new CatalogFilter(null, null, null, product, null, null, null, null, null, null, null, null, false);
        return queries.configurations(new ConfigFilter(filter, null, null, null, null, List.of()), PageRequest.first(100)).items();
    }

    @Test
    void aCsvCreatesTheHierarchyWithPricesAndReimportingChangesNothing() {
        String product = "Magnum " + UUID.randomUUID();
        String csv = HEADER
                + product + ",VEHICLE,SCOOTER,Fleeto,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,Battery=60V 30Ah; Motor=2kW,1000,2026-01-01,\n"
                + product + ",VEHICLE,SCOOTER,Fleeto,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,72V,Battery=72V,1200.50,2026-01-01T00:00:00Z,\n"
                + product + ",VEHICLE,SCOOTER,Fleeto,V2,Blue,2027,87116020,63,Blue,SALEABLE,GST-5,72V,,1300,2026-01-01,2030-01-01\n"
                + "\"" + product + " Charger, 5A\",ACCESSORIES,CHARGER,,V1,Black,,85044030,0.8,Black,SALEABLE,GST-18,,,25,2026-01-01,\n";
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".csv", csv.getBytes());
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.rowsSucceeded()).isEqualTo(4);

        var vehicle = configurationsOf(product);
        assertThat(vehicle).hasSize(4);
        assertThat(vehicle).extracting(ConfigInformation::activePrice).extracting(BigDecimal::stripTrailingZeros)
                .containsExactlyInAnyOrder(new BigDecimal("1E+3"), new BigDecimal("1200.5"), new BigDecimal("1.3E+3"),
                        new BigDecimal("25"));
        assertThat(vehicle).filteredOn(c -> c.configName().equals("60V")).singleElement()
                .satisfies(c -> assertThat(c.additionalInfos()).containsExactly(new AdditionalInfo("Battery", "60V 30Ah"),
                        new AdditionalInfo("Motor", "2kW")));
        assertThat(vehicle).filteredOn(c -> c.catalog().itemType() == ItemType.ACCESSORIES).singleElement()
                .satisfies(c -> assertThat(c.configName()).isEqualTo("Black"));

        var again = drop("imports/catalog/" + UUID.randomUUID() + ".csv", csv.getBytes());
        assertThat(again.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(configurationsOf(product)).hasSize(4);
    }

    @Test
    void anyBadRowFailsTheWholeFileListingEveryBadRow() {
        String product = "Broken " + UUID.randomUUID();
        String csv = HEADER
                + product + ",VEHICLE,SCOOTER,,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,,1000,2026-01-01,\n"
                + product + ",VEHICLE,SCOOTER,,V1,Red,2026,123,heavy,Red,SALEABLE,GST-7,61V,,1000,2026-01-01,\n"
                + product + ",TRUCK,SCOOTER,,V1,Red,2026,87116020,1,Red,SALEABLE,GST-5,,,,,\n";
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".csv", csv.getBytes());
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.rowsSucceeded()).isZero();
        String errors = bucket.text(job.errorsObject());
        // rows are file lines: the header is line 1
        assertThat(errors).contains("3,hsn_code,").contains("3,weight,").contains("4,item_type,")
                .contains("3,gst_rate,\"gst_rate must be one of GST-0, GST-5, GST-12, GST-18, GST-28\"")
                .doesNotContain("\n2,");
        assertThat(configurationsOf(product)).isEmpty();
    }

    @Test
    void aPriceOverlapInTheFileRollsEverythingBackAndNamesTheRow() {
        String product = "Overlap " + UUID.randomUUID();
        String csv = HEADER
                + product + ",VEHICLE,SCOOTER,,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,,1000,2026-01-01,2026-06-01\n"
                + product + ",VEHICLE,SCOOTER,,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,,1100,2026-03-01,\n";
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".csv", csv.getBytes());
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(bucket.text(job.errorsObject())).contains("3,validFrom,");
        assertThat(configurationsOf(product)).isEmpty();
    }

    @Test
    void anXlsxWithTheSameColumnsImportsToo() throws Exception {
        String product = "Sheet " + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        List<String> header = List.of(HEADER.strip().split(","));
        List<String> row = List.of(product, "PARTS", "BRAKE", "", "V1", "Disc", "", "87149990", "0.4", "Silver", "SALEABLE",
                "GST-28", "", "", "15", "2026-01-01", "");
        try (var writer = new XlsxWriter<Integer>(out, "catalog", java.util.stream.IntStream.range(0, header.size())
                .mapToObj(i -> new XlsxWriter.Column<Integer>(header.get(i), r -> row.get(i))).toList())) {
            writer.write(1);
        }
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".xlsx", out.toByteArray());
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(configurationsOf(product)).singleElement()
                .satisfies(c -> assertThat(c.activePrice()).isEqualByComparingTo("15"));
    }

    @Test
    void theReadmesExampleFileImports() throws Exception {
        byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../docs/examples/catalog.csv"));
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".csv", example);
        assertThat(job.status()).as(() -> errorsOf(job)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.rowsSucceeded()).isEqualTo(1);
    }

    /**
     * The first line naming a base product or catalog decides it, as in the row-by-row import: later lines naming it
     * (in any case) with other details change nothing and are counted on their own configuration only.
     */
    @Test
    void theFirstLineNamingARowDecidesIt() {
        String product = "First " + UUID.randomUUID();
        String upper = product.toUpperCase(java.util.Locale.ROOT);
        var created = drop("imports/catalog/" + UUID.randomUUID() + ".csv", (HEADER
                + product + ",VEHICLE,SCOOTER,Fleeto,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,,,,\n"
                + upper + ",VEHICLE,MOPED,Other,V1,RED,2027,87116020,70,Crimson,SALEABLE,GST-5,72V,,,,\n").getBytes());
        assertThat(created.status()).as(() -> errorsOf(created)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(List.of(created.rowsNew(), created.rowsChanged(), created.rowsUnchanged())).containsExactly(2, 0, 0);
        assertThat(stored(product)).isEqualTo("SCOOTER/Fleeto/Red/2026/Red/2");

        var changed = drop("imports/catalog/" + UUID.randomUUID() + ".csv", (HEADER
                + upper + ",VEHICLE,MOPED,,V1,red,2026,87116020,62.5,Blue,SALEABLE,GST-5,72V,,,,\n"
                + product + ",VEHICLE,BIKE,Other,V1,Red,2026,87116020,62.5,Green,SALEABLE,GST-5,60V,,,,\n").getBytes());
        assertThat(changed.status()).as(() -> errorsOf(changed)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(List.of(changed.rowsNew(), changed.rowsChanged(), changed.rowsUnchanged())).containsExactly(0, 1, 1);
        assertThat(stored(product)).as("sub type and colour from line 2, the brand kept (blank there)")
                .isEqualTo("MOPED/Fleeto/Red/2026/Blue/2");
    }

    /** Sub type, brand, catalog name, year and colour of the product's one catalog, and its configurations. */
    String stored(String product) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select concat_ws('/', b.sub_type, b.brand, c.name, c.year, c.colour,
                         (select count(*) from catalog_config cf where cf.catalog_id = c.id)) as s
                  from base_product b join product_version v on v.base_product_id = b.id
                  join catalog c on c.version_id = v.id where b.name = ?""", List.of(product),
                r -> r.getString("s")).orElseThrow());
    }

    /** Issue 11 finding 8: what the catalog exports, the catalog import accepts, and importing it changes nothing. */
    @Test
    void theConfigurationsExportImportsBackLeavingTheCatalogUnchanged() throws Exception {
        String product = "Round " + UUID.randomUUID();
        String csv = "base_product,item_type,sub_type,brand,model,version,catalog,year,hsn_code,weight,colour,"
                + "selling_type,gst_rate,configuration,additional_info,price,valid_from,valid_to\n"
                + product + ",VEHICLE,SCOOTER,Fleeto,M1,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,60V,"
                + "Battery=60V 30Ah; Motor=2kW,1000,2026-01-01,\n"
                + product + ",VEHICLE,SCOOTER,Fleeto,M1,V1,Red,2026,87116020,62.5,Red,SALEABLE,GST-5,72V,,1200.50,"
                + "2026-01-01T06:30:00Z,2030-01-01\n"
                + product + " Charger,ACCESSORIES,CHARGER,,,V1,Black,,85044030,0.8,Black,NON_SALEABLE,GST-18,,,,,\n";
        assertThat(drop("imports/catalog/" + UUID.randomUUID() + ".csv", csv.getBytes()).status())
                .isEqualTo(ImportStatus.SUCCEEDED);
        var before = configurationsOf(product);
        String stored = fingerprint(product);
        assertThat(before).hasSize(3);

        byte[] export = export(product);
        var job = drop("imports/catalog/" + UUID.randomUUID() + ".xlsx", export);

        assertThat(job.status()).as(() -> errorsOf(job)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.rowsSucceeded()).isEqualTo(3);
        assertThat(job.detail()).contains("ignored columns").contains("Active Price").doesNotContain("Brand");
        assertThat(configurationsOf(product)).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(before);
        assertThat(fingerprint(product)).as("no row written (xmin unchanged), no price added").isEqualTo(stored);
        assertThat(before).filteredOn(c -> c.configName().equals("60V")).singleElement()
                .satisfies(c -> assertThat(c.catalog().brand()).isEqualTo("Fleeto"));
    }

    /** The configurations export of the product, as the API streams it. */
    byte[] export(String product) throws Exception {
        var filter = new CatalogFilter(null, null, null, product, null, null, null, null, null, null, null, null, false);
        var out = new ByteArrayOutputStream();
        try (var writer = new XlsxWriter<ConfigInformation>(out, "configurations", CatalogExports.CONFIGURATIONS)) {
            queries.exportConfigurations(new ConfigFilter(filter, null, null, null, null, List.of()), writer::write);
        }
        return out.toByteArray();
    }

    /** Every row's version (xmin) from base product to price: any update or insert changes it. */
    String fingerprint(String product) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select string_agg(concat_ws('/', b.xmin, v.xmin, c.xmin, cf.xmin,
                         (select string_agg(p.id || ':' || p.xmin, ',' order by p.id) from catalog_price p
                           where p.config_id = cf.id)), ' ' order by cf.id) as f
                  from catalog_config cf join catalog c on c.id = cf.catalog_id
                  join product_version v on v.id = c.version_id join base_product b on b.id = v.base_product_id
                 where b.name like ?""", List.of(product + "%"), r -> r.getString("f")).orElseThrow());
    }
}
