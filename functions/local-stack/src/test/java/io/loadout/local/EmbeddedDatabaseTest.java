package io.loadout.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's own PostgreSQL, without Quarkus: durability settings, orphan takeover, foreign servers. */
class EmbeddedDatabaseTest {

    @TempDir
    Path var;

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String show(EmbeddedPostgres server, String setting) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); var rs = c.createStatement().executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aNewClusterRunsDurablyWithDataChecksumsAndKeepsThemAcrossRestarts() throws Exception {
        Path data = var.resolve("pgdata");
        int port = freePort();
        for (int start = 1; start <= 2; start++) {
            try (var server = EmbeddedDatabase.start(data, port)) {
                assertThat(show(server, "fsync")).as("zonky passes -F; our fsync=on comes later and wins").isEqualTo("on");
                assertThat(show(server, "synchronous_commit")).isEqualTo("on");
                assertThat(show(server, "full_page_writes")).isEqualTo("on");
                assertThat(show(server, "data_checksums")).as("start " + start).isEqualTo("on");
                assertThat(Path.of(show(server, "data_directory")).toRealPath()).isEqualTo(data.toRealPath());
            }
        }
        assertThat(var.resolve("pgdata.initdb")).doesNotExist();
    }

    @Test
    void aServerLeftRunningOnItsOwnFolderByADeadStackIsStoppedAndStartedAfresh() throws Exception {
        Path data = var.resolve("pgdata");
        int port = freePort();
        var child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanMaker.class.getName(), data.toString(), String.valueOf(port))
                .redirectErrorStream(true).start();
        var out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        var log = new StringBuilder();
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            log.append(line).append('\n');
        }
        assertThat(line).as(log.toString()).isEqualTo("READY");
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: nothing stops its PostgreSQL
        long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);
        assertThat(OrphanedPostgres.find(data)).get().extracting(OrphanedPostgres::pid).isEqualTo(orphanPid);

        try (var server = EmbeddedDatabase.start(data, port)) {
            assertThat(ProcessHandle.of(orphanPid).filter(ProcessHandle::isAlive)).as("the orphan was stopped").isEmpty();
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            assertThat(pid).isNotEqualTo(orphanPid);
            try (Connection c = server.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection();
                 var rs = c.createStatement().executeQuery("select string_agg(note, ',' order by note) from survivor")) {
                rs.next();
                assertThat(rs.getString(1)).as("committed kept, the open transaction rolled back").isEqualTo("committed");
            }
        }
    }

    @Test
    void aForeignServerOnThePortIsRefusedNamingThePort() throws Exception {
        try (var foreign = EmbeddedPostgres.builder().start()) {
            int port = foreign.getPort();
            assertThatThrownBy(() -> EmbeddedDatabase.start(var.resolve("pgdata"), port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port + " is taken by another server");
        }
    }

    @Test
    void theRestOfAnInterruptedFirstStartIsMovedAsideNeverDeleted() throws Exception {
        Path data = var.resolve("pgdata");
        Files.createDirectories(data.resolve("base"));
        Files.writeString(data.resolve("PG_VERSION"), "15\n");
        try (var server = EmbeddedDatabase.start(data, freePort())) {
            assertThat(show(server, "data_checksums")).isEqualTo("on");
        }
        try (var siblings = Files.list(var)) {
            Path aside = siblings.filter(p -> p.getFileName().toString().startsWith("pgdata.incomplete-")).findFirst()
                    .orElseThrow(() -> new AssertionError("nothing was moved aside"));
            assertThat(aside.resolve("PG_VERSION")).hasContent("15");
        }
    }

    @Test
    void oneStackPerVarFolder() {
        VarFolderLock.acquire(var);
        assertThatThrownBy(() -> VarFolderLock.acquire(var)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another Loadout local stack is running on " + var.toAbsolutePath());
    }

    /** A stack that started its database, committed a row, left a transaction open, and is about to die. */
    public static final class OrphanMaker {
        public static void main(String... args) throws Exception {
            var server = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]));
            var c = server.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection();
            c.createStatement().execute("create table survivor (note text)");
            c.createStatement().execute("insert into survivor values ('committed')");
            c.setAutoCommit(false);
            c.createStatement().execute("insert into survivor values ('uncommitted')");
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }
}
