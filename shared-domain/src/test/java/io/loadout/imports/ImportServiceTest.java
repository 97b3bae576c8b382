package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.testdoubles.InMemoryBlobStore;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.RowsImporter;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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

    private StoredObject drop(String name, String content) {
        bucket.put(name, content);
        return new StoredObject("bucket", name, GENERATION.incrementAndGet(), (long) content.length(), "text/csv");
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
        assertThat(job.errorsObject()).isEqualTo("imports/unknown/x.errors.csv");
        assertThat(job.checksum()).hasSize(64);
        assertThat(job.progressPercent()).isEqualTo(100);
        assertThat(bucket.text("imports/unknown/x.errors.csv"))
                .startsWith("row,field,message\r\n")
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
        assertThat(bucket.text("imports/rows/partial.errors.csv")).contains("2,value,bad row");
        var crashJob = jobFor(crash);
        assertThat(crashJob.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(crashJob.errorSummary()).contains("importer crashed");
    }

    @Test
    void errorsReportsAndFilesOutsideImportsAreNotImports() {
        assertThat(imports.onObjectFinalized(drop("imports/rows/a.errors.csv", "x"))).isEqualTo(ImportService.Outcome.IGNORED);
        assertThat(imports.onObjectFinalized(drop("catalog/1/photo.jpg", "x"))).isEqualTo(ImportService.Outcome.IGNORED);
    }

    @Test
    void aJobAbandonedMidwayIsTakenOverAfterItsLease() {
        var object = drop("imports/rows/abandoned.csv", "a\n");
        var now = TestClock.CLOCK.instant();
        long id = QuarkusTransaction.requiringNew().call(() -> jobs.register(object, "rows", now));
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.claim(id, now, now.minus(Duration.ofMinutes(10))))).isTrue();

        assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.DUPLICATE);
        TestClock.CLOCK.advance(Duration.ofMinutes(11));
        try {
            assertThat(imports.onObjectFinalized(object)).isEqualTo(ImportService.Outcome.PROCESSED);
        } finally {
            TestClock.CLOCK.advance(Duration.ofMinutes(-11));
        }
        assertThat(jobFor(object).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(jobFor(object).attempts()).isEqualTo(2);
    }
}
