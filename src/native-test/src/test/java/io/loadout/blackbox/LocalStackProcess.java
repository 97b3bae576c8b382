package io.loadout.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The packaged local stack ({@code quarkus-run.jar}) as a child process on its own var folder and free ports, as
 * an operator runs it: started, asked over HTTP, its database read over JDBC, stopped or killed.
 */
final class LocalStackProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stack too busy to accept a connection counts as not answering, not as a hung test. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path var;
    final int port = FunctionProcess.freePort();
    final int dbPort = FunctionProcess.freePort();
    private final String name;
    private final List<Process> started = new ArrayList<>();

    LocalStackProcess(Path var, String name) {
        this.var = var;
        this.name = name;
    }

    /** Starts the stack (run 1, 2, … share the var folder) and returns once its health answers. */
    Process start(int run, String... jvmOptions) throws Exception {
        var command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", System.getProperty("loadout.local-stack.jar")));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(run).toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("LOADOUT_"));
        builder.environment().put("LOADOUT_VAR", var.toString());
        builder.environment().put("LOADOUT_PORT", String.valueOf(port));
        builder.environment().put("LOADOUT_DB_PORT", String.valueOf(dbPort));
        Files.createDirectories(log(run).getParent());
        var process = builder.start();
        started.add(process);
        eventually(Duration.ofSeconds(90), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the stack exited with " + process.exitValue() + "; see " + log(run));
            }
            return get("/api/ops/health", null).filter(r -> r.statusCode() == 200);
        });
        return process;
    }

    Path log(int run) {
        return Path.of(System.getProperty("loadout.logs.dir"), "local-stack-" + name + "-" + run + ".log");
    }

    Path bucket() {
        return var.resolve("bucket");
    }

    /** The admin token the first start prints once. */
    String adminToken() throws IOException {
        var token = Pattern.compile("Admin token \\(shown once, keep it\\):\\s+(ldt_\\S+)").matcher(Files.readString(log(1)));
        assertThat(token.find()).as("the first start prints the admin token").isTrue();
        return token.group(1);
    }

    /** The import job of {@code objectName}, as {@code GET /api/ops/imports} lists it. */
    Optional<JsonNode> importJob(String token, String kind, String objectName) {
        return get("/api/ops/imports?kind=" + kind, token).filter(r -> r.statusCode() == 200).flatMap(r -> {
            try {
                for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                    if (item.path("objectName").asText().equals(objectName)) {
                        return Optional.of(item);
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    Optional<HttpResponse<String>> get(String path, String token) {
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

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + dbPort + "/loadout";
    }

    /** The first column of the first row of {@code sql}. */
    String query(String sql) throws Exception {
        try (var c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static <T> T eventually(Duration within, Supplier<Optional<T>> probe) throws InterruptedException {
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

    /** Stops what is still running (SIGTERM: the stack's shutdown hook stops its PostgreSQL), then any orphan. */
    @Override
    public void close() throws Exception {
        for (Process stack : started) {
            if (stack.isAlive()) {
                stack.destroy();
                if (!stack.waitFor(30, TimeUnit.SECONDS)) {
                    stack.destroyForcibly();
                }
            }
        }
        Path pidFile = var.resolve("pgdata/postmaster.pid");
        if (Files.exists(pidFile)) {
            List<String> lines = Files.readAllLines(pidFile);
            if (!lines.isEmpty() && lines.get(0).strip().matches("\\d+")) {
                new ProcessBuilder("kill", "-INT", lines.get(0).strip()).start().waitFor();
            }
        }
    }
}
