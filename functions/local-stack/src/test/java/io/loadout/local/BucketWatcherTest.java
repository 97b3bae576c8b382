package io.loadout.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The folder bucket as an uploader sees it: how soon a finished file becomes a job, and never a half-written one. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class BucketWatcherTest {

    @Inject
    LocalConfig config;
    @Inject
    ImportJobRepository jobs;

    private List<ImportJob> jobsFor(String name) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.list("objectName = ?1 order by id", name));
    }

    private ImportJob awaitJob(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var found = jobsFor(name);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError(name + " was not announced within 30 s");
    }

    private Path file(String name) throws Exception {
        Path file = config.bucketDir().resolve(name);
        Files.createDirectories(file.getParent());
        return file;
    }

    @Test
    void aCompleteFileBecomesAJobWellWithinASecond() throws Exception {
        List<Long> latencies = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 10; i++) {
            String name = "imports/unknown/latency-" + run + "-" + i + ".csv";
            Files.writeString(file(name), "asin,qty\nB000" + i + ",1\n");
            Instant lastWrite = Instant.now();
            var job = awaitJob(name);
            latencies.add(Duration.between(lastWrite, job.receivedAt()).toMillis());
            Thread.sleep(100);
        }
        var sorted = latencies.stream().sorted().toList();
        System.out.printf("bucket watcher: last write -> job RECEIVED over %d files, ms: %s (min %d, median %d, max %d)%n",
                sorted.size(), latencies, sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        assertThat(sorted.get(sorted.size() / 2)).as("median ms, all: " + latencies).isLessThan(900);
        assertThat(sorted.get(sorted.size() - 1)).as("max ms, all: " + latencies).isLessThan(1500);
    }

    @Test
    void aFileWrittenSlowlyInChunksIsAnnouncedOnceAndComplete() throws Exception {
        String name = "imports/unknown/slow-" + System.nanoTime() + ".csv";
        var content = new StringBuilder("asin,qty\n");
        try (OutputStream out = Files.newOutputStream(file(name))) {
            out.write(content.toString().getBytes(StandardCharsets.UTF_8));
            for (int chunk = 0; chunk < 12; chunk++) {
                String line = "B00" + chunk + ",1\n";
                content.append(line);
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                // Pauses shorter than the quiet period: the upload is still going.
                Thread.sleep(config.bucketQuiet().toMillis() / 2);
            }
        }
        long size = content.toString().getBytes(StandardCharsets.UTF_8).length;

        var job = awaitJob(name);
        Thread.sleep(config.bucketPoll().toMillis() + 2 * config.bucketQuiet().toMillis());

        assertThat(jobsFor(name)).as("announced once").singleElement().satisfies(j -> assertThat(j.id()).isEqualTo(job.id()));
        assertThat(job.sizeBytes()).isEqualTo(size);
        assertThat(job.generation()).isEqualTo(FolderBlobStore.generationOf(file(name)));
    }

    @Test
    void aFileRenamedIntoPlaceFromADotfileOrPartIsAnnouncedOnlyUnderItsFinalName() throws Exception {
        String stem = "imports/unknown/renamed-" + System.nanoTime();
        Path hidden = file("imports/unknown/." + stem.substring(stem.lastIndexOf('/') + 1) + ".csv");
        Path part = file(stem + ".csv.part");
        Files.writeString(hidden, "asin,qty\nB0001,1\n");
        Files.writeString(part, "asin,qty\nB0002,1\n");
        Thread.sleep(config.bucketPoll().toMillis() + 2 * config.bucketQuiet().toMillis());

        Files.move(part, file(stem + ".csv"));
        var job = awaitJob(stem + ".csv");

        assertThat(job.sizeBytes()).isEqualTo(Files.size(file(stem + ".csv")));
        assertThat(jobsFor(stem + ".csv.part")).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.count("objectName like ?1", "%/." + "renamed-%")))
                .isZero();
    }
}
