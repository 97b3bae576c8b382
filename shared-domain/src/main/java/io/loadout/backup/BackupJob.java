package io.loadout.backup;

import io.loadout.jobs.Job;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code backup}: a custom-format {@code pg_dump} into the backup folder, then retention. File names carry the
 * dump time ({@code loadout-20261121T030000Z.dump}) so retention does not depend on file system times.
 */
@ApplicationScoped
public class BackupJob implements Job {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PREFIX = "loadout-";
    static final String SUFFIX = ".dump";

    private final BackupConfig config;
    private final Clock clock;
    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;

    BackupJob(BackupConfig config, Clock clock,
              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
              @ConfigProperty(name = "quarkus.datasource.username", defaultValue = "postgres") String user,
              @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.clock = clock;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "backup";
    }

    @Override
    public JobOutcome run() throws IOException, InterruptedException {
        if (!config.enabled()) {
            throw new IllegalStateException("local backups are disabled (loadout.backup.enabled=false); "
                    + "in the cloud Cloud SQL takes automated backups");
        }
        Files.createDirectories(config.dir());
        Instant now = clock.instant();
        Path target = config.dir().resolve(PREFIX + STAMP.format(now) + SUFFIX);
        Path partial = config.dir().resolve(target.getFileName() + ".partial");
        dump(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        int deleted = applyRetention(now);
        return new JobOutcome(1, target + " (" + Files.size(target) + " bytes), " + deleted + " old dump(s) deleted");
    }

    private void dump(Path file) throws IOException, InterruptedException {
        var db = DatabaseTarget.fromJdbcUrl(jdbcUrl);
        var process = new ProcessBuilder(config.pgDump(), "--format=custom", "--no-owner",
                "--host=" + db.host(), "--port=" + db.port(), "--username=" + user, "--file=" + file, db.database())
                .redirectErrorStream(true);
        password.ifPresent(secret -> process.environment().put("PGPASSWORD", secret));
        var running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!running.waitFor(30, TimeUnit.MINUTES) || running.exitValue() != 0) {
            Files.deleteIfExists(file);
            throw new IOException("pg_dump failed: " + output.strip());
        }
    }

    /** Deletes dumps older than the retention, always keeping the newest one. Returns how many were deleted. */
    int applyRetention(Instant now) throws IOException {
        Instant cutoff = now.minus(config.retention());
        List<Path> dumps;
        try (Stream<Path> files = Files.list(config.dir())) {
            dumps = files.filter(BackupJob::isDump).sorted(Comparator.comparing(BackupJob::takenAt).reversed()).toList();
        }
        int deleted = 0;
        for (Path dump : dumps.subList(Math.min(1, dumps.size()), dumps.size())) {
            if (takenAt(dump).isBefore(cutoff)) {
                Files.delete(dump);
                deleted++;
            }
        }
        return deleted;
    }

    static boolean isDump(Path file) {
        String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return false;
        }
        try {
            takenAt(file);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Instant takenAt(Path file) {
        String name = file.getFileName().toString();
        return STAMP.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()), Instant::from);
    }
}
