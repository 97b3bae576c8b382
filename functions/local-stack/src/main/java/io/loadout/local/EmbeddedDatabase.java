package io.loadout.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The local default database: a real PostgreSQL from Maven-delivered binaries, its data kept in
 * {@code var/pgdata} across restarts, run durably (fsync, synchronous commit, full page writes; data checksums on
 * new clusters). A server left running on that folder by a stack that died is stopped and started afresh; a
 * foreign server on the port is refused. Skipped when {@code LOADOUT_DB_URL} names another server.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "loadout";
    /** Server settings; they follow zonky's {@code -F} (fsync off) on the command line, and the later one wins. */
    static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on",
            "full_page_writes", "on");
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

    private EmbeddedDatabase() {
    }

    /** Starts the embedded server and points the application at it; {@code startedAt} is this process's start. */
    static void startUnlessConfigured(Path varDir, Instant startedAt) {
        if (System.getenv("LOADOUT_DB_URL") != null || System.getProperty("loadout.db.url") != null) {
            return;
        }
        int port = Integer.parseInt(env("LOADOUT_DB_PORT", "54329"));
        EmbeddedPostgres server = start(varDir.resolve("pgdata"), port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException ignored) {
                // exiting anyway
            }
        }));
        System.setProperty("loadout.db.url", "jdbc:postgresql://localhost:" + port + "/" + DATABASE);
        System.setProperty("loadout.db.user", "postgres");
        // This process holds the var folder (VarFolderLock) and so is the only one that can run imports on this
        // database: a job heartbeat from before it started belongs to a dead process.
        System.setProperty("loadout.imports.sole-worker-since", startedAt.toString());
    }

    static EmbeddedPostgres start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            takeOverOrphan(dataDir);
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " is taken by another server, not the PostgreSQL of "
                        + dataDir + "; stop it or set LOADOUT_DB_PORT to a free port");
            }
            boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
            if (ChecksummedCluster.isIncomplete(dataDir)) {
                // moved aside, never deleted: a heuristic must not be able to destroy anyone's data
                Path aside = dataDir.resolveSibling(dataDir.getFileName() + ".incomplete-" + System.currentTimeMillis());
                LOG.warnf("%s holds no postgresql.conf (the rest of an interrupted first start?); moved to %s, starting a"
                        + " new cluster", dataDir, aside);
                Files.move(dataDir, aside);
                Files.createDirectories(dataDir);
            }
            var builder = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setPort(port).setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT); // crash recovery of a big WAL takes longer than zonky's 10 s
            DURABLE.forEach(builder::setServerConfig);
            if (fresh) {
                builder.setDataDirectoryCustomizer((File dir) -> ChecksummedCluster.recreateWithChecksums(dir.toPath()));
            }
            EmbeddedPostgres server = builder.start();
            try (Connection connection = server.getPostgresDatabase().getConnection()) {
                verifyOwn(connection, dataDir, port);
                createDatabase(connection);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + DATABASE + " in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking over the PostgreSQL of " + dataDir, e);
        }
    }

    private static void takeOverOrphan(Path dataDir) throws IOException, InterruptedException {
        var orphan = OrphanedPostgres.find(dataDir);
        if (orphan.isPresent()) {
            LOG.warnf("PostgreSQL (pid %d, port %d) is still running on %s, left by a stack that stopped without"
                    + " shutting it down; taking it over: fast shutdown (its open transactions roll back), then a fresh"
                    + " start", orphan.get().pid(), orphan.get().port(), dataDir);
            orphan.get().stop(STOP_TIMEOUT);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** zonky falls back on whatever answers on the port when its server cannot start: make sure it is ours. */
    private static void verifyOwn(Connection connection, Path dataDir, int port) throws SQLException, IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : new String[] {"data_directory", "fsync", "synchronous_commit", "full_page_writes",
                "data_checksums"}) {
            try (var show = connection.createStatement().executeQuery("show " + name)) {
                show.next();
                settings.put(name, show.getString(1));
            }
        }
        if (!Path.of(settings.get("data_directory")).toRealPath().equals(dataDir.toRealPath())) {
            throw new IllegalStateException("the PostgreSQL answering on port " + port + " serves "
                    + settings.get("data_directory") + ", not " + dataDir + "; stop it or set LOADOUT_DB_PORT");
        }
        LOG.infof("PostgreSQL on %s, port %d: %s", dataDir, port, settings);
        if (!"on".equals(settings.get("data_checksums"))) {
            LOG.warnf("%s was created without data checksums; to get them: back up (the backup job), delete it, start"
                    + " the stack, ./loadout restore", dataDir);
        }
    }

    private static void createDatabase(Connection connection) throws SQLException {
        try (var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("create database " + DATABASE);
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
