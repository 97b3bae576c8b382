package io.loadout.backup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When and how long dumps are kept; where they are and how they are taken is the {@link DatabaseDumps} adapter's. */
@ConfigMapping(prefix = "loadout.backup")
public interface BackupConfig {

    /** Off in the cloud, where Cloud SQL takes automated backups with point-in-time recovery. */
    @WithDefault("false")
    boolean enabled();

    /** Dumps older than this are deleted; the newest dump is always kept. */
    @WithDefault("P7D")
    Duration retention();
}
