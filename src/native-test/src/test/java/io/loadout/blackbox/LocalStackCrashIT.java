package io.loadout.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path var;

    private int port;
    private int dbPort;

    @Test
    void killedMidImportTheRestartedStackCompletesTheJobWithEveryRowOnce() throws Exception {
        port = FunctionProcess.freePort();
        dbPort = FunctionProcess.freePort();
        String expectedDigest = writeSheet(var.resolve("sheet.csv"));
        Process first = null;
        Process second = null;
        try {
            first = startStack(1);
            String token = adminToken(1);
            Path drop = var.resolve("bucket").resolve(OBJECT);
            Files.createDirectories(drop.getParent());
            Files.move(var.resolve("sheet.csv"), drop, StandardCopyOption.ATOMIC_MOVE);

            JsonNode processing = eventually(Duration.ofSeconds(60), () -> job(token).filter(j -> j.path("status")
                    .asText().equals("PROCESSING")));
            long killedAt = System.nanoTime();
            first.toHandle().destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long jobId = processing.path("id").asLong();
            assertThat(lotCount()).as("nothing of the killed attempt committed").isZero();

            second = startStack(2);
            JsonNode done = eventually(Duration.ofMinutes(3), () -> job(token).filter(j -> j.path("status").asText()
                    .matches("SUCCEEDED|FAILED|PARTIAL")));
            Duration recovery = Duration.ofNanos(System.nanoTime() - killedAt);

            assertThat(done.path("id").asLong()).isEqualTo(jobId);
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("SUCCEEDED");
            assertThat(done.path("attempts").asInt()).isEqualTo(2);
            assertThat(done.path("rowsSucceeded").asInt()).isEqualTo(ROWS);
            assertThat(lotCount()).isEqualTo(ROWS);
            assertThat(lotDigest()).as("every row of the file, once, as written").isEqualTo(expectedDigest);
            assertThat(Files.readString(log(2))).contains("taking it over: fast shutdown");
            System.out.printf("=== fault test: %,d-row sheet, killed while PROCESSING (job %d), restarted: SUCCEEDED on"
                            + " attempt %d, %,d lots (checksum matches the file) %.1f s after the kill%n", ROWS, jobId,
                    done.path("attempts").asInt(), lotCount(), recovery.toMillis() / 1000.0);
        } finally {
            stop(first);
            stop(second);
            stopOrphanedPostgres();
        }
    }

    /** A buying sheet of ROWS distinct lots; returns the MD5 of "asin:batch:remaining:cost" in ASIN order. */
    private static String writeSheet(Path file) throws Exception {
        var md5 = MessageDigest.getInstance("MD5");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("ASIN,Batch,Title,Item Weight,Length,Width,Height,Quantity Purchased,Remaining Quantity,Unit Cost,"
                    + "Date Added,Min Shipping Price,Max Shipping Price\n");
            for (int i = 1; i <= ROWS; i++) {
                String asin = String.format("B%09d", i);
                int purchased = 10 + i % 50;
                int remaining = purchased - i % 7;
                String cost = (1 + i % 90) + "." + String.format("%02d", i % 100);
                out.write(asin + ",PO-9,Item " + i + ",1.5,10,8,4," + purchased + "," + remaining + ",$" + cost
                        + ",2026-09-02,0.50,8.00\n");
                md5.update(((i == 1 ? "" : ",") + asin + ":PO-9:" + remaining + ":" + cost).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private Process startStack(int run) throws Exception {
        var builder = new ProcessBuilder("java", "-jar", System.getProperty("loadout.local-stack.jar"))
                .redirectErrorStream(true).redirectOutput(log(run).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LOADOUT_"));
        builder.environment().put("LOADOUT_VAR", var.toString());
        builder.environment().put("LOADOUT_PORT", String.valueOf(port));
        builder.environment().put("LOADOUT_DB_PORT", String.valueOf(dbPort));
        Files.createDirectories(log(run).getParent());
        var process = builder.start();
        eventually(Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see " + log(run));
            }
            return get("/api/ops/health", null).filter(r -> r.statusCode() == 200);
        });
        return process;
    }

    private Path log(int run) {
        return Path.of(System.getProperty("loadout.logs.dir"), "local-stack-crash-" + run + ".log");
    }

    private String adminToken(int run) throws IOException {
        var token = Pattern.compile("Admin token \\(shown once, keep it\\):\\s+(ldt_\\S+)").matcher(Files.readString(log(run)));
        assertThat(token.find()).as("the first start prints the admin token").isTrue();
        return token.group(1);
    }

    private Optional<JsonNode> job(String token) {
        return get("/api/ops/imports?kind=inventory", token).filter(r -> r.statusCode() == 200).flatMap(r -> {
            try {
                for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                    if (item.path("objectName").asText().equals(OBJECT)) {
                        return Optional.of(item);
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Optional<HttpResponse<String>> get(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return Optional.of(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static <T> T eventually(Duration within, Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + within);
    }

    private long lotCount() throws Exception {
        return Long.parseLong(query("select count(*) from inventory_lot"));
    }

    private String lotDigest() throws Exception {
        return query("select md5(string_agg(asin || ':' || batch || ':' || qty_remaining || ':' || unit_cost, ','"
                + " order by asin, batch)) from inventory_lot");
    }

    private String query(String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/loadout", "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void stop(Process stack) throws InterruptedException {
        if (stack != null && stack.isAlive()) {
            stack.destroy(); // SIGTERM: the stack's shutdown hook stops its PostgreSQL
            if (!stack.waitFor(30, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    /** If the test failed between the kill and the restart, the killed stack's PostgreSQL is still running. */
    private void stopOrphanedPostgres() throws Exception {
        Path pidFile = var.resolve("pgdata/postmaster.pid");
        if (Files.exists(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) {
                new ProcessBuilder("kill", "-INT", lines.get(0).strip()).start().waitFor();
            }
        }
    }
}
