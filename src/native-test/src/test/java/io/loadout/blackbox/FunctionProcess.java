package io.loadout.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One packaged function running as it does in the cloud: the runner jar under Google's function invoker (the
 * Cloud Functions Java runtime), or its Cloud Run build when {@code -Dloadout.native.<name>=path} is given: a native
 * executable, or the same Cloud Run binding built as a JVM jar ({@code ….jar}, run with {@code java -jar}).
 */
final class FunctionProcess implements AutoCloseable {

    enum Kind {
        HTTP("io.quarkus.gcp.functions.http.QuarkusHttpFunction", "http"),
        CLOUD_EVENT("io.quarkus.funqy.gcp.functions.FunqyCloudEventsFunction", "cloudevent");

        final String target;
        final String signature;

        Kind(String target, String signature) {
            this.target = target;
            this.signature = signature;
        }
    }

    final String name;
    final int port;
    private final Process process;
    private final long startedNanos;
    private Duration coldStart;
    private long peakRssKb;

    private FunctionProcess(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** The bench-only baseline (src/native-test/bare-function): one @Funq doing nothing, never deployed. */
    static final String BARE = "bare";

    static Path runnerJar(String name) {
        if (BARE.equals(name)) {
            return Path.of(System.getProperty("loadout.bare-function.jar"));
        }
        return Path.of(System.getProperty("loadout.functions.dir"), name, "target", "deployment",
                name + "-" + System.getProperty("loadout.version") + "-runner.jar");
    }

    static FunctionProcess start(String name, Kind kind, String funqyExport, Map<String, String> env) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        Map<String, String> environment = new HashMap<>(env);
        Path workingDirectory = null;
        String nativeExecutable = System.getProperty("loadout.native." + name);
        if (nativeExecutable != null) {
            if (nativeExecutable.endsWith(".jar")) {
                command.add("java");
                // built with -Dcloudrun-jvm: the AppCDS archive Quarkus wrote beside the jar, used as it must be, from
                // the jar's folder with the paths the archive recorded (else the JVM silently ignores it)
                Path jar = Path.of(nativeExecutable);
                if (Files.isRegularFile(jar.resolveSibling("app-cds.jsa"))) {
                    command.add("-XX:SharedArchiveFile=app-cds.jsa");
                    workingDirectory = jar.getParent();
                    nativeExecutable = jar.getFileName().toString();
                }
                command.add("-jar");
            }
            command.add(nativeExecutable);
            environment.put("PORT", String.valueOf(port));
            environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        } else {
            command.addAll(List.of("java", "-jar", System.getProperty("loadout.invoker.jar"),
                    "--classpath", runnerJar(name).toString(), "--target", kind.target, "--port", String.valueOf(port)));
            environment.put("FUNCTION_SIGNATURE_TYPE", kind.signature);
            environment.put("FUNCTION_TARGET", kind.target);
        }
        // JVM options for every function alike, the bench's baseline included (-Dloadout.java-options="…")
        String javaOptions = System.getProperty("loadout.java-options", "");
        if (!javaOptions.isBlank()) {
            environment.put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        if (funqyExport != null) {
            environment.put("QUARKUS_FUNQY_EXPORT", funqyExport);
        }
        try {
            Path logs = Path.of(System.getProperty("loadout.logs.dir"));
            Files.createDirectories(logs);
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            return new FunctionProcess(name, port, builder.start(), started);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start function " + name, e);
        }
    }

    /** Polls until the probe succeeds; records the cold start (process start → first good answer) and peak RSS. */
    FunctionProcess awaitReady(BooleanSupplier probe) throws InterruptedException {
        long deadline = startedNanos + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see its log");
            }
            boolean ready;
            try {
                ready = probe.getAsBoolean();
            } catch (Exception notYet) { // rest-assured rethrows ConnectException unchecked
                ready = false;
            }
            if (ready) {
                coldStart = Duration.ofNanos(System.nanoTime() - startedNanos);
                peakRssKb = peakRssKb();
                return this;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " did not answer within 90 s; see its log");
    }

    String baseUri() {
        return "http://localhost:" + port;
    }

    Duration coldStart() {
        return coldStart;
    }

    long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    long measuredPeakRssKb() {
        return peakRssKb;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
