package io.loadout.adapters.jdk;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Where {@link PgDumpFolder} keeps the dumps and which program takes them (same prefix as the job's own config). */
@ConfigMapping(prefix = "loadout.backup")
public interface PgDumpConfig {

    @WithDefault("var/backups")
    Path dir();

    @WithDefault("pg_dump")
    String pgDump();
}
