package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.LedgerImporter;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's part of dry runs (the safety net) and of the errors report under its pre-ADR 0013 name. */
@QuarkusTest
class ImportDryRunTest {

    private static final AtomicLong GENERATION = new AtomicLong(700_000);

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    RecordingEventPublisher events;
    @Inject
    EntityManager em;

    private ImportJob run(String name, String content) {
        long generation = GENERATION.incrementAndGet();
        bucket.put(name, content, generation);
        var object = new StoredObject("bucket", name, generation, (long) content.length(), "text/csv");
        assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.PROCESSED);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    private long ledgerRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + LedgerImporter.TABLE).getSingleResult()).longValue());
    }

    @BeforeEach
    void ledgerTable() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("create table if not exists "
                + LedgerImporter.TABLE + " (job_id bigint not null, line text not null)").executeUpdate());
    }

    @Test
    void whatAnImporterWritesInADryRunIsRolledBackAndTheJobStillFinishes() {
        // the ledger importer ignores dryRun and writes every line: the dry run's transaction must undo it
        long before = ledgerRows();
        var job = run("imports/ledger/dry-run/careless.csv", "l1\nl2\nl3\n");

        assertThat(job.dryRun()).isTrue();
        assertThat(job.kind()).isEqualTo("ledger");
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(job.rowsTotal()).isEqualTo(3);
        assertThat(job.checksum()).hasSize(64);
        assertThat(ledgerRows()).as("rolled back").isEqualTo(before);
        var finished = events.ofType(ImportFinished.TYPE).stream()
                .filter(e -> e.payload().path("jobId").asLong() == job.id()).toList();
        assertThat(finished).singleElement().satisfies(e -> assertThat(e.payload().path("dryRun").asBoolean()).isTrue());

        var real = run("imports/ledger/careful.csv", "l1\nl2\n");
        assertThat(real.dryRun()).isFalse();
        assertThat(ledgerRows()).as("a real run still commits").isEqualTo(before + 2);
    }

    @Test
    void aDryRunWithErrorsWritesItsReportInTheDryRunFolder() {
        var job = run("imports/rows/dry-run/half.csv", "a\nbad\nc\n");

        assertThat(job.status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(job.dryRun()).isTrue();
        assertThat(job.errorsObject()).isEqualTo("imports/rows/dry-run/half.csv.errors.csv");
        assertThat(bucket.text("imports/rows/dry-run/half.csv.errors.csv")).contains("2,value,bad row");
    }

    @Test
    void aSuccessRemovesTheReportUnderItsOldNameButAFailureKeepsIt() {
        String legacy = "imports/rows/legacy.errors.csv";
        bucket.put(legacy, "row,field,message\r\n2,value,bad row\r\n");
        bucket.put("imports/rows/legacy-other.errors.csv", "row,field,message\r\n");

        run("imports/rows/legacy.csv", "a\nbad\n");
        assertThat(bucket.exists(legacy)).as("a failure leaves it").isTrue();

        run("imports/rows/legacy.csv", "a\nb\n");
        assertThat(bucket.exists(legacy)).as("a success of legacy.csv removes legacy.errors.csv").isFalse();
        assertThat(bucket.exists("imports/rows/legacy-other.errors.csv")).as("another stem's").isTrue();
    }

    @Test
    void aLegacyReportLastWrittenForAnotherUploadOfTheSameStemIsThatOnesToReplace() {
        String legacy = "imports/rows/shared-stem.errors.csv";
        bucket.put(legacy, "row,field,message\r\n1,value,bad row\r\n");
        // as a job before the rename recorded it: shared-stem.xlsx wrote shared-stem.errors.csv
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into import_job (id, kind, bucket, object_name, generation, status, rows_total, rows_failed,
                                        errors_object, received_at, heartbeat_at)
                values (nextval('import_job_id_seq'), 'rows', 'bucket', 'imports/rows/shared-stem.xlsx', 1, 'FAILED', 1,
                        1, ?1, now(), now())""").setParameter(1, legacy).executeUpdate());

        run("imports/rows/shared-stem.csv", "a\n");
        assertThat(bucket.exists(legacy)).as("the xlsx's report").isTrue();

        run("imports/rows/shared-stem.xlsx", "a\n");
        assertThat(bucket.exists(legacy)).isFalse();
    }

    @Test
    void aDryRunsSuccessLeavesTheRealUploadsReport() {
        run("imports/rows/mixed.csv", "bad\n");
        run("imports/rows/dry-run/mixed.csv", "a\n");
        assertThat(bucket.exists("imports/rows/mixed.csv.errors.csv")).isTrue();
        assertThat(List.of(bucket.exists("imports/rows/dry-run/mixed.csv.errors.csv"))).containsExactly(false);
    }
}
