package io.loadout.backup;

import io.loadout.jobs.Job;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code backup}: a complete dump of the database, then retention. Names carry the dump time
 * ({@code loadout-20261121T030000Z.dump}) so retention depends on neither file system times nor the store.
 */
@ApplicationScoped
public class BackupJob implements Job {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PREFIX = "loadout-";
    static final String SUFFIX = ".dump";

    private final BackupConfig config;
    private final DatabaseDumps dumps;
    private final Clock clock;

    BackupJob(BackupConfig config, DatabaseDumps dumps, Clock clock) {
        this.config = config;
        this.dumps = dumps;
        this.clock = clock;
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
        Instant now = clock.instant();
        var taken = dumps.take(PREFIX + STAMP.format(now) + SUFFIX);
        int deleted = applyRetention(now);
        return new JobOutcome(1, taken.location() + " (" + taken.bytes() + " bytes), " + deleted + " old dump(s) deleted");
    }

    /** Deletes dumps older than the retention, always keeping the newest one. Returns how many were deleted. */
    int applyRetention(Instant now) throws IOException {
        Instant cutoff = now.minus(config.retention());
        List<String> newestFirst = dumps.names().stream().filter(name -> takenAt(name).isPresent())
                .sorted(Comparator.comparing((String name) -> takenAt(name).orElseThrow()).reversed()).toList();
        int deleted = 0;
        for (String dump : newestFirst.subList(Math.min(1, newestFirst.size()), newestFirst.size())) {
            if (takenAt(dump).orElseThrow().isBefore(cutoff)) {
                dumps.delete(dump);
                deleted++;
            }
        }
        return deleted;
    }

    /** When a dump of this name was taken; empty for a name this job did not give. */
    static Optional<Instant> takenAt(String name) {
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(STAMP.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length()), Instant::from));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
