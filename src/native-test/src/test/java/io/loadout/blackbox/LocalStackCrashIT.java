package io.loadout.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault test: the packaged local stack is killed ({@code kill -9}) while it imports a large buying sheet and
 * started again on the same var folder. Its PostgreSQL, orphaned by the kill, is taken over; the job completes on
 * its second attempt, and the lot table holds every row of the file exactly once.
 */
class LocalStackCrashIT {

    private static final int ROWS = 150_000;
    private static final String OBJECT = "imports/inventory/crash-sheet.csv";

    @TempDir
    Path var;

    @Test
    void killedMidImportTheRestartedStackCompletesTheJobWithEveryRowOnce() throws Exception {
        String expectedDigest = writeSheet(var.resolve("sheet.csv"));
        try (var stack = new LocalStackProcess(var, "crash")) {
            Process first = stack.start(1);
            String token = stack.adminToken();
            Path drop = stack.bucket().resolve(OBJECT);
            Files.createDirectories(drop.getParent());
            Files.move(var.resolve("sheet.csv"), drop, StandardCopyOption.ATOMIC_MOVE);

            JsonNode processing = LocalStackProcess.eventually(Duration.ofSeconds(60), () -> stack.importJob(token,
                    "inventory", OBJECT).filter(j -> j.path("status").asText().equals("PROCESSING")));
            long killedAt = System.nanoTime();
            first.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long jobId = processing.path("id").asLong();
            assertThat(lotCount(stack)).as("nothing of the killed attempt committed").isZero();

            stack.start(2);
            JsonNode done = LocalStackProcess.eventually(Duration.ofMinutes(3), () -> stack.importJob(token, "inventory",
                    OBJECT).filter(j -> j.path("status").asText().matches("SUCCEEDED|FAILED|PARTIAL")));
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);

            assertThat(done.path("id").asLong()).isEqualTo(jobId);
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.path("attempts").asInt()).isEqualTo(2);
            assertThat(done.path("rowsSucceeded").asInt()).isEqualTo(ROWS);
            assertThat(lotCount(stack)).isEqualTo(ROWS);
            assertThat(stack.query("select md5(string_agg(asin || ':' || batch || ':' || qty_remaining || ':' || unit_cost,"
                    + " ',' order by asin, batch)) from inventory_lot")).as("every row of the file, once, as written")
                    .isEqualTo(expectedDigest);
            assertThat(Files.readString(stack.log(2))).contains("taking it over: fast shutdown");
            System.out.printf("=== fault test: %,d-row sheet, killed while PROCESSING (job %d), restarted: SUCCEEDED on"
                            + " attempt %d, %,d lots (checksum matches the file) %.1f s after the kill%n", ROWS, jobId,
                    done.path("attempts").asInt(), lotCount(stack), recovery.toMillis() / 1000.0);
        }
    }

    private static String writeSheet(Path file) throws Exception {
        return InventorySheets.write(file, ROWS);
    }

    private static long lotCount(LocalStackProcess stack) throws Exception {
        return Long.parseLong(stack.query("select count(*) from inventory_lot"));
    }
}
