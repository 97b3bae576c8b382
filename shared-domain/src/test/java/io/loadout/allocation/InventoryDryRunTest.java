package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static io.loadout.allocation.AllocationFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.imports.ImportFinished;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.StoredObject;
import io.loadout.testdoubles.DomainTables;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** imports/inventory/dry-run/: the buying sheet checked and counted against the stored lots, nothing written. */
@QuarkusTest
class InventoryDryRunTest {

    private static final AtomicLong GENERATION = new AtomicLong(960_000);

    @Inject
    AllocationFixture fixture;
    @Inject
    DomainTables tables;
    @Inject
    RecordingEventPublisher events;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;

    private ImportJob drop(String name, byte[] content) {
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, GENERATION.incrementAndGet(), (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    private static byte[] sheet(String rows) {
        return (AllocationFixture.SHEET_HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static List<Integer> counts(ImportJob job) {
        return List.of(job.rowsNew(), job.rowsChanged(), job.rowsUnchanged(), job.rowsFailed(), job.rowsTotal());
    }

    @Test
    void aDryRunCountsWhatTheSheetWouldChangeAndWritesNothing() {
        String cheaper = asin();
        String retitled = asin();
        String same = asin();
        String untouched = asin();
        var stored = fixture.importSheet(row(cheaper, "PO-1", "1.5", "10", "8", "4", 20, 20, "12.50", "2026-10-01", "0.10", "2.00")
                + row(retitled, "PO-1", "2", "10", "8", "4", 5, 4, "3.00", "2026-10-02", "0.10", "2.00")
                + row(same, "PO-1", "1.5", "10", "8", "4", 7, 7, "9.99", "2026-10-03", "0.10", "2.00")
                + row(untouched, "PO-1", "1.5", "10", "8", "4", 7, 7, "9.99", "2026-10-03", "0.10", "2.00"));
        assertThat(stored.status()).as(stored.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        String newA = asin();
        String newB = asin();
        String sheet = row(newA, "PO-9", "1", "5", "5", "5", 3, 3, "4.00", "2026-11-01", "0.10", "1.00")
                + row(cheaper, "PO-1", "1.5", "10", "8", "4", 20, 20, "11.75", "2026-10-01", "0.10", "2.00")
                // the same lot in another batch is a new lot
                + row(same, "PO-2", "1.5", "10", "8", "4", 7, 7, "9.99", "2026-10-03", "0.10", "2.00")
                // equal values written differently (1.50 for 1.5, 2.0 for 2.00) are unchanged
                + row(same, "PO-1", "1.50", "10.0", "8", "4", 7, 7, "9.990", "2026-10-03", "0.1", "2")
                + row(retitled, "PO-1", "2", "10", "8", "4", 5, 4, "3.00", "2026-10-02", "0.10", "2.00")
                        .replace("Item " + retitled, "Renamed torch")
                + row(newB, "PO-9", "1", "5", "5", "5", 3, 0, "4.00", "2026-11-01", "0.10", "1.00");
        var before = tables.dump();
        var eventsBefore = tables.eventIds();

        var dry = drop("imports/inventory/dry-run/" + unique("sheet-") + ".csv", sheet(sheet));

        assertThat(dry.status()).as(dry.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.kind()).isEqualTo("inventory");
        assertThat(counts(dry)).containsExactly(3, 2, 1, 0, 6);
        assertThat(dry.rowsSucceeded()).isEqualTo(6);
        assertThat(dry.detail()).contains("dry run: nothing written");
        assertThat(dry.errorsObject()).isNull();
        assertThat(tables.dump()).as("no domain table changed").isEqualTo(before);
        assertThat(tables.eventTypesSince(eventsBefore)).containsExactly(ImportFinished.TYPE);
        assertThat(events.ofType(ImportFinished.TYPE)).filteredOn(e -> e.payload().path("jobId").asLong() == dry.id())
                .singleElement().satisfies(e -> {
                    assertThat(e.payload().path("dryRun").asBoolean()).isTrue();
                    assertThat(e.payload().path("rowsNew").asInt()).isEqualTo(3);
                });

        // the real import of the same sheet does what the dry run said
        var real = drop("imports/inventory/" + unique("sheet-") + ".csv", sheet(sheet));
        assertThat(real.dryRun()).isFalse();
        assertThat(counts(real)).containsExactly(3, 2, 1, 0, 6);
        assertThat(tables.dump()).isNotEqualTo(before);
        assertThat(fixture.lot(newB, "PO-9")).containsExactly(0, 0);
    }

    @Test
    void aDryRunWithErrorsReportsThemBesideTheFileAndWritesNothing() {
        String a = asin();
        String b = asin();
        var before = tables.dump();
        var eventsBefore = tables.eventIds();
        String name = "imports/inventory/dry-run/" + unique("bad-") + ".csv";

        var dry = drop(name, sheet(row(a, "PO-1", "1", "5", "5", "5", 3, 3, "4.00", "2026-11-01", "0.10", "1.00")
                + row(b, "PO-1", "1", "5", "5", "5", 3, 9, "4.00", "2026-11-01", "0.10", "1.00")
                + row(a, "PO-1", "1", "5", "5", "5", 3, 3, "4.00", "2026-11-01", "0.10", "1.00")));

        assertThat(dry.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(dry.dryRun()).isTrue();
        assertThat(counts(dry)).containsExactly(0, 0, 0, 3, 3);
        assertThat(dry.errorsObject()).isEqualTo(name + ".errors.csv");
        assertThat(bucket.text(name + ".errors.csv"))
                .contains("3,qty_remaining,remaining 9 exceeds purchased 3")
                .contains("4,batch,ASIN " + a + " batch PO-1 is already on line 2");
        assertThat(tables.dump()).isEqualTo(before);
        assertThat(tables.eventTypesSince(eventsBefore)).containsExactly(ImportFinished.TYPE);
    }

    @Test
    void theJobRecordsTheEncodingAndNumberConventionTheFileWasReadWith() {
        String semicolons = "ASIN;Batch;Title;Item Weight;Length;Width;Height;Quantity Purchased;Remaining Quantity;"
                + "Unit Cost;Date Added;Min Shipping Price;Max Shipping Price\n";
        var european = drop("imports/inventory/" + unique("eu-") + ".csv", (semicolons
                + asin() + ";PO-1;Crème brûlée torch;4,2;10;8;4;20;20;8,00;2026-10-01;0,10;12,00\n")
                .getBytes(Charset.forName("windows-1252")));
        assertThat(european.status()).as(european.errorSummary()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(european.encoding()).isEqualTo("windows-1252");
        assertThat(european.numberConvention()).isEqualTo("DECIMAL_COMMA");
        assertThat(counts(european)).containsExactly(1, 0, 0, 0, 1);

        var plain = drop("imports/inventory/" + unique("us-") + ".csv",
                sheet(row(asin(), "PO-1", "4.2", "10", "8", "4", 20, 20, "8.00", "2026-10-01", "0.10", "12.00")));
        assertThat(plain.encoding()).isEqualTo("utf-8");
        assertThat(plain.numberConvention()).isEqualTo("DECIMAL_POINT");

        var integers = drop("imports/inventory/" + unique("int-") + ".csv",
                sheet(row(asin(), "PO-1", "4", "10", "8", "4", 20, 20, "8", "2026-10-01", "0", "12")));
        assertThat(integers.numberConvention()).isEqualTo("UNDECIDED");

    }
}
