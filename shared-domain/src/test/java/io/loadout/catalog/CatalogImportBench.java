package io.loadout.catalog;

import io.loadout.bench.BenchMemory;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.StoredObject;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A timing harness, not a test: a generated catalog file (default 100,000 lines, {@code -Dloadout.bench.rows}; its
 * prices start after the test clock, so no price events) is imported new, then again with every tenth
 * configuration's details changed and a later price on every fifth, and the time from drop to finished and the peak
 * heap of each are printed. Run it with
 * {@code -Dloadout.bench=catalog-import -Dtest=CatalogImportBench}; it asserts nothing about time.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "loadout.bench", matches = "catalog-import|all")
class CatalogImportBench {

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;

    @Test
    void importsAGeneratedCatalog() {
        int lines = Integer.getInteger("loadout.bench.rows", 100_000);
        String run = UUID.randomUUID().toString().substring(0, 8);
        var report = new StringBuilder();
        for (boolean changed : new boolean[] {false, true}) {
            byte[] file = generate(run, lines, changed);
            System.gc();
            BenchMemory.resetPeaks();
            long started = System.nanoTime();
            var job = drop(file);
            double seconds = (System.nanoTime() - started) / 1e9;
            bucket.objects.remove(job.objectName()); // only the import's own memory in the next figure
            report.append("%s: %,d lines (%,d KB) → %s %s in %.1f s, peak heap %d MB (max heap %d MB)%n".formatted(
                    changed ? "re-import, changes" : "first import", lines, file.length / 1024, job.status(),
                    job.detail(), seconds, BenchMemory.peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20));
        }
        System.out.println("\n=== catalog import bench ===\n" + report);
    }

    /** 50 base products × 20 versions × 10 catalogs × n configurations, each line with a price. */
    static byte[] generate(String run, int lines, boolean changed) {
        var bytes = new java.io.ByteArrayOutputStream(lines * 120);
        var csv = new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));
        csv.append(CatalogImporterTest.HEADER);
        int configs = Math.max(1, lines / (50 * 20 * 10));
        int n = 0;
        for (int p = 0; p < 50 && n < lines; p++) {
            for (int v = 0; v < 20 && n < lines; v++) {
                for (int c = 0; c < 10 && n < lines; c++) {
                    for (int k = 0; k < configs && n < lines; k++, n++) {
                        boolean tenth = changed && n % 10 == 0;
                        boolean fifth = changed && n % 5 == 0;
                        csv.append(new StringBuilder("Bench ").append(run).append(' ').append(p).append(",VEHICLE,SCOOTER,Fleeto,V")
                                .append(v).append(",C").append(c).append(",2026,87116020,62.5,Red,SALEABLE,GST-5,K")
                                .append(k).append(",Battery=").append(tenth ? "72V" : "60V").append(',')
                                .append(fifth ? "1100" : "1000").append(',').append(fifth ? "2028-01-01" : "2027-06-01")
                                .append(",\n"));
                    }
                }
            }
        }
        csv.flush();
        return bytes.toByteArray();
    }

    ImportJob drop(byte[] content) {
        String name = "imports/catalog/bench-" + UUID.randomUUID() + ".csv";
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, CatalogImporterTest.GENERATION.incrementAndGet(),
                (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }
}
