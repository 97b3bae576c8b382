package io.loadout.migration;

import org.flywaydb.core.Flyway;

/**
 * The one-off migration step run before a deploy (never from function instances):
 * {@code java -cp <any function>-runner.jar io.loadout.migration.MigrateDatabase} with LOADOUT_DB_URL,
 * LOADOUT_DB_USER and LOADOUT_DB_PASSWORD set.
 */
public final class MigrateDatabase {

    private MigrateDatabase() {
    }

    public static void main(String[] args) {
        String url = System.getenv("LOADOUT_DB_URL");
        if (url == null || url.isBlank()) {
            System.err.println("LOADOUT_DB_URL is required (jdbc:postgresql://host:port/db)");
            System.exit(2);
        }
        String user = System.getenv().getOrDefault("LOADOUT_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("LOADOUT_DB_PASSWORD", "");
        var result = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        System.out.println("applied " + result.migrationsExecuted + " migration(s); schema version "
                + (result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion));
    }
}
