package io.loadout.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.imports.ImportFinished;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.StoredObject;
import io.loadout.testdoubles.DomainTables;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** imports/catalog/dry-run/: the catalog sheet checked and counted against the stored catalog, nothing written. */
@QuarkusTest
class CatalogDryRunTest {

    private static final AtomicLong GENERATION = new AtomicLong(80_000);

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    DomainTables tables;

    private ImportJob drop(String folder, String csv) {
        String name = folder + UUID.randomUUID() + ".csv";
        byte[] content = (CatalogImporterTest.HEADER + csv).getBytes(StandardCharsets.UTF_8);
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, GENERATION.incrementAndGet(), (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    private String errorsOf(ImportJob job) {
        return job.errorsObject() == null ? "no errors file" : bucket.text(job.errorsObject());
    }

    private static List<Integer> counts(ImportJob job) {
        return List.of(job.rowsNew(), job.rowsChanged(), job.rowsUnchanged(), job.rowsFailed(), job.rowsTotal());
    }

    /** A vehicle row of product {@code p}: version, catalog (its colour), configuration, infos, price, from. */
    private static String vehicle(String p, String version, String catalog, String config, String infos, String price,
                                  String from) {
        return String.join(",", p, "VEHICLE", "SCOOTER", "Fleeto", version, catalog, "2026", "87116020", "62.5", catalog,
                "SALEABLE", "GST-5", config, infos, price, from, "") + "\n";
    }

    @Test
    void aDryRunCountsWhatTheSheetWouldChangeAndWritesNothing() {
        String p = "Dry " + UUID.randomUUID();
        String q = "Dry new " + UUID.randomUUID();
        var stored = drop("imports/catalog/", vehicle(p, "V1", "Red", "60V", "Battery=60V", "1000", "2026-01-01")
                + vehicle(p, "V1", "Red", "72V", "Battery=72V", "1200", "2026-01-01")
                + vehicle(p, "V1", "Blue", "60V", "", "1100", "2026-01-01"));
        assertThat(stored.status()).as(() -> errorsOf(stored)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(counts(stored)).containsExactly(3, 0, 0, 0, 3);
        String sheet = vehicle(p, "V1", "Red", "60V", "Battery=60V", "1000.00", "2026-01-01") // unchanged
                + vehicle(p, "V1", "Red", "72V", "Battery=72V 40Ah", "1200", "2026-01-01")    // infos changed
                + vehicle(p, "V1", "Blue", "60V", "", "1150", "2027-01-01")                    // a later price
                + vehicle(p, "V1", "Red", "48V", "", "", "")                                   // new configuration
                + vehicle(p, "V2", "Red", "60V", "", "900", "2026-01-01")                      // new version
                + vehicle(q, "V1", "Grey", "60V", "", "", "");                                 // new product
        var before = tables.dump();
        var eventsBefore = tables.eventIds();

        var dry = drop("imports/catalog/dry-run/", sheet);

        assertThat(dry.status()).as(() -> errorsOf(dry)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(dry.dryRun()).isTrue();
        assertThat(counts(dry)).containsExactly(3, 2, 1, 0, 6);
        assertThat(dry.detail()).contains("dry run: nothing written");
        assertThat(tables.dump()).as("no domain table changed").isEqualTo(before);
        assertThat(tables.eventTypesSince(eventsBefore)).containsExactly(ImportFinished.TYPE);

        var real = drop("imports/catalog/", sheet);
        assertThat(real.status()).as(() -> errorsOf(real)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(counts(real)).as("the real import does what the dry run said").containsExactly(3, 2, 1, 0, 6);
        var again = drop("imports/catalog/dry-run/", sheet);
        assertThat(counts(again)).as("now all stored").containsExactly(0, 0, 6, 0, 6);
    }

    @Test
    void aDryRunRefusesWhatTheImportRefusesWithTheSameErrorsAndWritesNothing() {
        String p = "Dry refused " + UUID.randomUUID();
        drop("imports/catalog/", vehicle(p, "V1", "Red", "60V", "", "1000", "2026-01-01"));
        // a price window reaching into the stored open-ended one (which starts later, so it is not closed)
        String overlap = vehicle(p, "V1", "Red", "60V", "", "1000", "2026-01-01")
                + vehicle(p, "V1", "Red", "72V", "", "", "")
                + vehicle(p, "V1", "Red", "60V", "", "950", "2025-06-01").replaceFirst(",\n$", ",2026-06-01\n");
        // an existing product named with another item type
        String wrongType = vehicle(p, "V1", "Red", "60V", "", "", "").replaceFirst(",VEHICLE,", ",ACCESSORIES,");
        // a new product whose second row names it with another type: createCatalog's refusal, before anything exists
        String q = "Dry mixed " + UUID.randomUUID();
        String newMixed = vehicle(q, "V1", "Red", "60V", "", "", "")
                + vehicle(q, "V1", "Blue", "", "", "", "").replaceFirst(",VEHICLE,", ",ACCESSORIES,");
        var expected = java.util.Map.of(overlap, "4,validFrom,overlaps price", wrongType, "2,item_type,\"base product",
                newMixed, "3,itemType,\"itemType must be the base product's item type, VEHICLE");
        for (String sheet : List.of(overlap, wrongType, newMixed)) {
            var before = tables.dump();

            var dry = drop("imports/catalog/dry-run/", sheet);

            assertThat(dry.status()).as(() -> errorsOf(dry)).isEqualTo(ImportStatus.FAILED);
            assertThat(dry.dryRun()).isTrue();
            assertThat(tables.dump()).isEqualTo(before);
            var real = drop("imports/catalog/", sheet);
            assertThat(real.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(errorsOf(dry)).as("the dry run's errors are the import's").isEqualTo(errorsOf(real))
                    .startsWith("line,field,message").contains(expected.get(sheet));
            assertThat(counts(dry)).isEqualTo(counts(real));
            assertThat(dry.errorsObject()).contains("/dry-run/");
        }
    }

    @Test
    void aFileRefusedWhileItsRowsAreReadRecordsItsEncodingButNoConvention() {
        String p = "Mixed " + UUID.randomUUID();
        var job = drop("imports/catalog/dry-run/", vehicle(p, "V1", "Red", "60V", "", "1000.50", "2026-01-01")
                + vehicle(p, "V1", "Red", "72V", "", "\"1200,50\"", "2026-01-01"));

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).contains("mixes decimal points");
        assertThat(job.encoding()).isEqualTo("utf-8");
        assertThat(job.numberConvention()).isNull();
        assertThat(counts(job)).containsExactly(0, 0, 0, 0, 0);
    }
}
