package io.loadout.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The local default database: a real PostgreSQL from Maven-delivered binaries, its data kept in
 * {@code var/pgdata} across restarts. Skipped when {@code LOADOUT_DB_URL} names another server.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "loadout";

    private EmbeddedDatabase() {
    }

    static void startUnlessConfigured() {
        if (System.getenv("LOADOUT_DB_URL") != null || System.getProperty("loadout.db.url") != null) {
            return;
        }
        Path varDir = Path.of(env("LOADOUT_VAR", "var"));
        int port = Integer.parseInt(env("LOADOUT_DB_PORT", "54329"));
        try {
            Path dataDir = varDir.resolve("pgdata");
            Files.createDirectories(dataDir);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
            try (var connection = server.getPostgresDatabase().getConnection();
                 var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                if (!exists.executeQuery().next()) {
                    connection.createStatement().execute("create database " + DATABASE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + varDir + "/pgdata", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + DATABASE, e);
        }
        System.setProperty("loadout.db.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE);
        System.setProperty("loadout.db.user", "postgres");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
