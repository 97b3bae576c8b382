package io.loadout.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

@ConfigMapping(prefix = "loadout.backup")
public interface BackupConfig {

    /** Off in the cloud, where Cloud SQL takes automated backups with point-in-time recovery. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("var/backups")
    Path dir();

    /** Dumps older than this are deleted; the newest dump is always kept. */
    @WithDefault("P7D")
    Duration retention();

    @WithDefault("pg_dump")
    String pgDump();
}
