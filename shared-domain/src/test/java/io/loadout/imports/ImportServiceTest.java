package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.LedgerImporter;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.RowsImporter;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ImportServiceTest {

    private static final AtomicLong GENERATION = new AtomicLong(1000);

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    RecordingEventPublisher events;
    @Inject
    RowsImporter rowsImporter;
    @Inject
    LedgerImporter ledger;
    @Inject
    EntityManager em;

    private StoredObject drop(String name, String content) {
        long generation = GENERATION.incrementAndGet();
        bucket.put(name, content, generation);
        return new StoredObject("bucket", name, generation, (long) content.length(), "text/csv");
    }

    private ImportJob jobFor(StoredObject object) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    private List<ImportFinished> finishedEventsFor(long jobId) {
        return events.ofType(ImportFinished.TYPE).stream()
                .filter(e -> e.payload().path("jobId").asLong() == jobId)
                .map(e -> new ImportFinished(e.payload().path("jobId").asLong(), e.payload().path("kind").asText(),
                        e.payload().path("objectName").asText(), ImportStatus.valueOf(e.payload().path("status").asText()),
                        0, 0, 0, null, null, null))
                .toList();
    }

    @Test
    void unknownKindFailsWithAnErrorsFileAndAnEvent() {
        var object = drop("imports/unknown/x.csv", "a,b\n1,2\n");

        assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.PROCESSED);

        var job = jobFor(object);
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.kind()).isEqualTo("unknown");
        assertThat(job.errorsObject()).isEqualTo("imports/unknown/x.csv.errors.csv");
        assertThat(job.checksum()).hasSize(64);
        assertThat(job.progressPercent()).isEqualTo(100);
        assertThat(bucket.text("imports/unknown/x.csv.errors.csv"))
                .startsWith("line,field,message\r\n")
                .contains("unknown import kind 'unknown'")
                .contains("rows");
        assertThat(finishedEventsFor(job.id())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ImportStatus.FAILED));
    }

    @Test
    void theSameEventDeliveredThreeTimesCreatesOneJob() {
        var object = drop("imports/rows/triple.csv", "one\ntwo\n");

        var outcomes = List.of(imports.onObjectFinalized(object), imports.onObjectFinalized(object),
                imports.onObjectFinalized(object));

        assertThat(outcomes).containsExactly(ImportService.Outcome.PROCESSED, ImportService.Outcome.DUPLICATE,
                ImportService.Outcome.DUPLICATE);
        long count = QuarkusTransaction.requiringNew().call(() -> jobs.count("objectName", object.name()));
        assertThat(count).isEqualTo(1);
        assertThat(finishedEventsFor(jobFor(object).id())).hasSize(1);
    }

    @Test
    void concurrentDeliveriesProcessTheFileOnce() throws Exception {
        var object = drop("imports/rows/race.csv", "race-a\nrace-b\n");
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ImportService.Outcome>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(() -> imports.onObjectFinalized(object));
            }
            var outcomes = pool.invokeAll(deliveries).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(outcomes).containsOnlyOnce(ImportService.Outcome.PROCESSED);
        } finally {
            pool.shutdown();
        }
        assertThat(rowsImporter.applied.stream().filter(r -> r.startsWith("race-"))).hasSize(2);
    }

    @Test
    void anOverwrittenFileIsANewGenerationAndANewJob() {
        var first = drop("imports/rows/same-name.csv", "v1\n");
        var second = drop("imports/rows/same-name.csv", "v2\n");

        imports.onObjectFinalized(first);
        imports.onObjectFinalized(second);

        assertThat(jobFor(first).id()).isNotEqualTo(jobFor(second).id());
    }

    @Test
    void statusFollowsWhatTheImporterApplied() {
        var clean = drop("imports/rows/clean.csv", "a\nb\n");
        var partial = drop("imports/rows/partial.csv", "a\nbad\nc\n");
        var crash = drop("imports/rows/crash.csv", "a\nboom\n");
        imports.onObjectFinalized(clean);
        imports.onObjectFinalized(partial);
        imports.onObjectFinalized(crash);

        assertThat(jobFor(clean).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(clean).errorsObject()).isNull();
        var partialJob = jobFor(partial);
        assertThat(partialJob.status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(partialJob.rowsTotal()).isEqualTo(3);
        assertThat(partialJob.rowsSucceeded()).isEqualTo(2);
        assertThat(partialJob.rowsFailed()).isEqualTo(1);
        assertThat(bucket.text("imports/rows/partial.csv.errors.csv")).contains("2,value,bad row");
        assertThat(partialJob.errorSummary()).isEqualTo("line 2, value: bad row");
        var crashJob = jobFor(crash);
        assertThat(crashJob.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(crashJob.errorSummary()).contains("importer crashed");
    }

    @Test
    void errorsReportsAndFilesOutsideImportsAreNotImports() {
        assertThat(imports.onObjectFinalized(drop("imports/rows/a.csv.errors.csv", "x"))).isEqualTo(ImportService.Outcome.IGNORED);
        assertThat(imports.onObjectFinalized(drop("catalog/1/photo.jpg", "x"))).isEqualTo(ImportService.Outcome.IGNORED);
    }

    @Test
    void aCsvAndAnXlsxOfTheSameStemEachKeepTheirOwnErrorsReport() {
        var csv = drop("imports/rows/stem.csv", "a\nbad\n");
        var xlsx = drop("imports/rows/stem.xlsx", "bad\nb\nbad\n");
        imports.onObjectFinalized(csv);
        imports.onObjectFinalized(xlsx);

        assertThat(jobFor(csv).errorsObject()).isEqualTo("imports/rows/stem.csv.errors.csv");
        assertThat(jobFor(xlsx).errorsObject()).isEqualTo("imports/rows/stem.xlsx.errors.csv");
        assertThat(bucket.text("imports/rows/stem.csv.errors.csv")).contains("2,value,bad row").doesNotContain("1,value");
        assertThat(bucket.text("imports/rows/stem.xlsx.errors.csv")).contains("1,value,bad row", "3,value,bad row");
    }

    @Test
    void aFixedFileDroppedAgainUnderTheSameNameRemovesTheStaleReport() {
        String name = "imports/rows/fixed.csv";
        imports.onObjectFinalized(drop(name, "a\nbad\n"));
        assertThat(bucket.text(name + ".errors.csv")).contains("2,value,bad row");

        var fixed = drop(name, "a\nb\n");
        imports.onObjectFinalized(fixed);

        assertThat(jobFor(fixed).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(fixed).errorsObject()).isNull();
        assertThat(bucket.exists(name + ".errors.csv")).isFalse();
    }

    @Test
    void aLaterUploadWithOtherErrorsReplacesTheReport() {
        String name = "imports/rows/again.csv";
        imports.onObjectFinalized(drop(name, "bad\nb\n"));
        var again = drop(name, "a\nbad\n");
        imports.onObjectFinalized(again);

        assertThat(jobFor(again).errorsObject()).isEqualTo(name + ".errors.csv");
        assertThat(bucket.text(name + ".errors.csv")).contains("2,value,bad row").doesNotContain("1,value");
    }

    @Test
    void anOlderUploadFinishingAfterANewerOneLeavesTheNewerOnesOutcomeAlone() throws Exception {
        String name = "imports/rows/slow-old.csv";
        imports.onObjectFinalized(drop(name, "bad\n"));
        var old = drop(name, "hook\nbad\n");
        var fixed = new AtomicReference<StoredObject>();
        var pool = Executors.newSingleThreadExecutor();
        // While the old upload is being imported (its content already read), the fixed one lands and succeeds.
        rowsImporter.whileImporting.set(() -> {
            fixed.set(drop(name, "a\nb\n"));
            try {
                assertThat(pool.submit(() -> imports.onObjectFinalized(fixed.get())).get())
                        .isEqualTo(ImportService.Outcome.PROCESSED);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            imports.onObjectFinalized(old);
        } finally {
            pool.shutdown();
        }

        assertThat(jobFor(fixed.get()).status()).isEqualTo(ImportStatus.SUCCEEDED);
        var oldJob = jobFor(old);
        assertThat(oldJob.status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(oldJob.errorsObject()).isNull();
        assertThat(oldJob.detail()).contains("errors file not written: generation " + fixed.get().generation());
        assertThat(bucket.exists(name + ".errors.csv")).as("the fixed upload's outcome (no report) stands").isFalse();
    }

    /** A delivery's first attempt dies mid-import (as under kill -9): the job is left PROCESSING, attempt 1. */
    private StoredObject crashedMidImport(String name, String content) {
        ledger.crashes.set(1);
        var object = drop(name, content);
        assertThatThrownBy(() -> imports.onObjectFinalized(object)).isInstanceOf(LedgerImporter.SimulatedCrash.class);
        assertThat(jobFor(object).status()).isEqualTo(ImportStatus.PROCESSING);
        return object;
    }

    private List<String> ledgerRows(long jobId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select line from " + LedgerImporter.TABLE + " where job_id = ?1 order by line", String.class)
                .setParameter(1, jobId).getResultList());
    }

    private static void later(Duration by, Runnable action) {
        TestClock.CLOCK.advance(by);
        try {
            action.run();
        } finally {
            TestClock.CLOCK.advance(by.negated());
        }
    }

    @BeforeEach
    void ledgerTable() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("create table if not exists "
                + LedgerImporter.TABLE + " (job_id bigint not null, line text not null)").executeUpdate());
        ledger.crashes.set(0);
    }

    /**
     * Progress is recorded a MiB (and a second) apart at most, but the end of the rows at once, so the job shows it
     * while the checks and writes run (a throttled record of the same figure would usually be skipped: < 1 s).
     */
    @Test
    void progressIsThrottledButTheLastRowIsRecordedAtOnce() {
        var object = drop("imports/ledger/progress.csv", "read 5\nseen\nrows-read 3000001\nseen\n");

        imports.onObjectFinalized(object);

        assertThat(ledgerRows(jobFor(object).id())).filteredOn(line -> line.startsWith("seen"))
                .containsExactly("seen 0", "seen 3000001");
    }

    @Test
    void aJobAbandonedMidwayIsTakenOverByADeliveryAfterItsLease() {
        var object = crashedMidImport("imports/ledger/abandoned.csv", "a\ncrash\nb\n");

        assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.DUPLICATE);
        later(Duration.ofMinutes(11), () ->
                assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.PROCESSED));

        assertThat(jobFor(object).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(object).attempts()).isEqualTo(2);
    }

    @Test
    void theSweepReRunsACrashedImportAndAppliesEveryRowExactlyOnce() {
        var object = crashedMidImport("imports/ledger/crashed.csv", "r1\nr2\ncrash\nr3\n");
        long id = jobFor(object).id();
        assertThat(ledgerRows(id)).as("the crashed attempt's rows rolled back").isEmpty();

        assertThat(imports.takeOverAbandoned().found()).as("within the lease: left alone").isZero();
        later(Duration.ofMinutes(11), () -> assertThat(imports.takeOverAbandoned())
                .isEqualTo(new ImportService.Sweep(1, 1, 0, 0)));

        assertThat(ledgerRows(id)).containsExactly("crash", "r1", "r2", "r3");
        assertThat(jobFor(object).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(object).attempts()).isEqualTo(2);
        assertThat(finishedEventsFor(id)).singleElement();
    }

    @Test
    void aJobLeftReceivedByACrashBeforeItsClaimIsPickedUpByTheSweep() {
        var object = drop("imports/ledger/received.csv", "x1\nx2\n");
        long id = QuarkusTransaction.requiringNew().call(() -> jobs.register(object, "ledger", TestClock.CLOCK.instant()));

        later(Duration.ofMinutes(11), imports::takeOverAbandoned);

        assertThat(jobFor(object).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(object).attempts()).isEqualTo(1);
        assertThat(ledgerRows(id)).containsExactly("x1", "x2");
    }

    @Test
    void afterItsLastAttemptIsInterruptedTooTheJobFailsAndAnnouncesIt() {
        var object = crashedMidImport("imports/ledger/doomed.csv", "d1\ncrash\n");
        long id = jobFor(object).id();
        ledger.crashes.set(2);
        later(Duration.ofMinutes(11), () -> assertThatThrownBy(imports::takeOverAbandoned)
                .isInstanceOf(LedgerImporter.SimulatedCrash.class));
        later(Duration.ofMinutes(22), () -> assertThatThrownBy(imports::takeOverAbandoned)
                .isInstanceOf(LedgerImporter.SimulatedCrash.class));
        assertThat(jobFor(object).attempts()).isEqualTo(3);

        later(Duration.ofMinutes(33), () -> assertThat(imports.takeOverAbandoned())
                .isEqualTo(new ImportService.Sweep(1, 0, 1, 0)));

        var job = jobFor(object);
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.errorSummary()).startsWith("file: gave up after 3 attempts");
        assertThat(ledgerRows(id)).isEmpty();
        assertThat(finishedEventsFor(id)).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ImportStatus.FAILED));
        later(Duration.ofMinutes(44), () -> assertThat(imports.takeOverAbandoned().found()).isZero());
    }

    @Test
    void aFileThatRunsTheImportOutOfMemoryFailsAtOnceSayingSoInsteadOfRetryingALeaseApart() {
        var object = drop("imports/ledger/huge.csv", "h1\nh2\noom\nh3\n");
        assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.PROCESSED);

        var job = jobFor(object);
        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(1);
        assertThat(job.errorSummary()).contains("too large to import within this function's memory");
        assertThat(ledgerRows(job.id())).as("the attempt's rows rolled back").isEmpty();
        assertThat(finishedEventsFor(job.id())).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(ImportStatus.FAILED));
        later(Duration.ofMinutes(11), () -> assertThat(imports.takeOverAbandoned().found()).isZero());
    }

    @Test
    void anObjectOverwrittenBeforeItsJobRanIsNotImportedUnderTheOldJob() {
        String name = "imports/ledger/overwritten.csv";
        var old = drop(name, "old-1\nold-2\n");
        var newer = drop(name, "new-1\n");

        assertThat(imports.onObjectFinalized(old)).isEqualTo(ImportService.Outcome.PROCESSED);
        imports.onObjectFinalized(newer);

        var oldJob = jobFor(old);
        assertThat(oldJob.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(oldJob.errorSummary()).contains("superseded", "overwritten by generation " + newer.generation());
        assertThat(oldJob.errorsObject()).isNull();
        assertThat(ledgerRows(oldJob.id())).isEmpty();
        assertThat(ledgerRows(jobFor(newer).id())).containsExactly("new-1");
        assertThat(bucket.text("imports/ledger/overwritten.csv.errors.csv")).isNull();
    }
}
