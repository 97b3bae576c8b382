package io.loadout.adapters.jdk;

import io.loadout.backup.DatabaseDumps;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link DatabaseDumps} as custom-format {@code pg_dump} files in the backup folder. A dump is written to
 * {@code <name>.partial} and moved into place only when pg_dump succeeded, so a name never holds half a dump.
 */
@ApplicationScoped
public class PgDumpFolder implements DatabaseDumps {

    /** How long a stopped pg_dump gets to exit and close its output. */
    private static final Duration STOPPING = Duration.ofSeconds(10);

    private final PgDumpConfig config;
    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;

    PgDumpFolder(PgDumpConfig config,
                 @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                 @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
                 @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public TakenDump take(String name) throws IOException, InterruptedException {
        Files.createDirectories(config.dir());
        Path target = resolve(name);
        Path partial = resolve(name + ".partial");
        dump(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new TakenDump(target.toString(), Files.size(target));
    }

    @Override
    public List<String> names() throws IOException {
        if (!Files.isDirectory(config.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(config.dir())) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
        }
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    /** A name is a plain file name in the folder, never a path out of it. */
    private Path resolve(String name) {
        Path folder = config.dir().toAbsolutePath().normalize();
        if (!folder.equals(folder.resolve(name).normalize().getParent())) {
            throw new IllegalArgumentException("not a file name in the backup folder: " + name);
        }
        return config.dir().resolve(name);
    }

    private void dump(Path file) throws IOException, InterruptedException {
        var db = DatabaseTarget.fromJdbcUrl(jdbcUrl);
        var process = new ProcessBuilder(config.pgDump(), "--format=custom", "--no-owner",
                "--host=" + db.host(), "--port=" + db.port(), "--username=" + user, "--file=" + file, db.database())
                .redirectErrorStream(true);
        password.ifPresent(secret -> process.environment().put("PGPASSWORD", secret));
        var running = process.start();
        // read on another thread, so a pg_dump that hangs without writing cannot hold this one past the timeout
        var output = CompletableFuture.supplyAsync(() -> readAll(running.getInputStream()));
        boolean finished = running.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            running.destroyForcibly().waitFor(STOPPING.toSeconds(), TimeUnit.SECONDS);
        }
        if (!finished || running.exitValue() != 0) {
            Files.deleteIfExists(file);
            throw new IOException((finished ? "pg_dump failed: " : "pg_dump did not finish within " + config.timeout()
                    + " and was stopped: ") + outputOf(output));
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(its output could not be read: " + e.getMessage() + ")";
        }
    }

    private static String outputOf(CompletableFuture<String> output) throws InterruptedException {
        try {
            return output.get(STOPPING.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return "(no output)";
        }
    }
}
