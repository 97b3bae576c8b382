package io.loadout.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "loadout.local")
public interface LocalConfig {

    /** Folder of all local state: database files, bucket, backups. */
    Path varDir();

    /** Folder standing in for the Cloud Storage bucket. */
    Path bucketDir();

    /**
     * How often the bucket folder is scanned for files its change events missed (a folder without change events,
     * e.g. some network or VM-shared folders, relies on this scan alone).
     */
    @WithDefault("PT1S")
    Duration bucketPoll();

    /**
     * How long a file in the bucket folder must stay unchanged (size and modification time) before it counts as
     * uploaded and is imported. A writer that may pause longer mid-file writes {@code .name} or {@code name.part}
     * and renames it when done.
     */
    @WithDefault("PT0.2S")
    Duration bucketQuiet();

    /** Load the demo accounts on the first start. */
    @WithDefault("true")
    boolean demoData();

    /** Pub/Sub-style redelivery attempts of the in-process relay before an event is dead-lettered (logged). */
    @WithDefault("6")
    int deliveryAttempts();

    /**
     * Jobs run once right after start, on their own thread: the import sweep takes over at once an import the
     * previous run of the stack died in (see loadout.imports.sole-worker-since).
     */
    @WithDefault("import-sweep")
    List<String> jobsAtStart();

    /** The schedules Cloud Scheduler fires in the cloud, fired here by local timers (name → unix cron). */
    @ConfigMapping(prefix = "loadout.schedules")
    interface Schedules {
        @WithParentName
        Map<String, String> all();
    }
}
