package io.loadout.adapters.jdk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where {@link PgDumpFolder} keeps the dumps and which program takes them (same prefix as the job's own config). */
@ConfigMapping(prefix = "loadout.backup")
public interface PgDumpConfig {

    @WithDefault("var/backups")
    Path dir();

    @WithDefault("pg_dump")
    String pgDump();

    /** A pg_dump still running after this is stopped and the backup fails (a hung one would hold the job forever). */
    @WithDefault("30m")
    Duration timeout();
}
