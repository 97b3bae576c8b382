package io.loadout.adapters.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.testing.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With the real pg_dump against a real (embedded) PostgreSQL. */
class PgDumpFolderTest {

    @TempDir
    Path dir;

    private PgDumpFolder folder(String jdbcUrl) {
        return folder(jdbcUrl, "pg_dump", Duration.ofMinutes(1));
    }

    private PgDumpFolder folder(String jdbcUrl, String program, Duration timeout) {
        PgDumpConfig config = new PgDumpConfig() {
            public Path dir() {
                return dir;
            }

            public String pgDump() {
                return program;
            }

            public Duration timeout() {
                return timeout;
            }
        };
        return new PgDumpFolder(config, jdbcUrl, TestPostgres.USER, Optional.empty());
    }

    @Test
    void aDumpIsACompleteCustomFormatDumpUnderItsName() throws Exception {
        String url = TestPostgres.newDatabase("dumped");
        try (var db = DriverManager.getConnection(url, TestPostgres.USER, "")) {
            db.createStatement().execute("create table kept_row (id int); insert into kept_row values (7)");
        }

        var taken = folder(url).take("loadout-20261121T030000Z.dump");

        Path file = dir.resolve("loadout-20261121T030000Z.dump");
        assertThat(taken.location()).isEqualTo(file.toString());
        assertThat(taken.bytes()).isEqualTo(Files.size(file)).isPositive();
        assertThat(folder(url).names()).containsExactly("loadout-20261121T030000Z.dump");
        assertThat(restoreList(file)).contains("TABLE public kept_row").contains("TABLE DATA public kept_row");
    }

    @Test
    void aFailedDumpLeavesNothingAndSaysWhy() {
        String missing = TestPostgres.jdbcUrl("no_such_database");

        assertThatThrownBy(() -> folder(missing).take("loadout-20261121T030000Z.dump"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("pg_dump failed:")
                .hasMessageContaining("no_such_database");
        assertThat(dir).isEmptyDirectory();
    }

    /** A stand-in for a pg_dump that hangs without a word: it is itself the process that sleeps. */
    @Test
    void aDumpThatHangsIsStoppedAfterTheTimeoutAndLeavesNothing(@TempDir Path bin) throws Exception {
        Path hanging = bin.resolve("pg_dump");
        Files.writeString(hanging, "#!/bin/sh\nexec sleep 120\n");
        hanging.toFile().setExecutable(true);
        var dumps = folder(TestPostgres.jdbcUrl("unused"), hanging.toString(), Duration.ofSeconds(1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> dumps.take("loadout-20261121T030000Z.dump"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("pg_dump did not finish within PT1S");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void namesListEveryFileAndDeleteRemovesOne() throws Exception {
        Files.writeString(dir.resolve("loadout-20261101T030000Z.dump"), "x");
        Files.writeString(dir.resolve("notes.txt"), "x");
        var dumps = folder(TestPostgres.jdbcUrl("unused"));

        dumps.delete("loadout-20261101T030000Z.dump");
        dumps.delete("never-there.dump");

        assertThat(dumps.names()).containsExactly("notes.txt");
        assertThatThrownBy(() -> dumps.delete("../outside.dump")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDatabaseIsReadFromTheJdbcUrl() {
        assertThat(DatabaseTarget.fromJdbcUrl("jdbc:postgresql://db.internal:6543/loadout?sslmode=require"))
                .isEqualTo(new DatabaseTarget("db.internal", 6543, "loadout"));
        assertThat(DatabaseTarget.fromJdbcUrl("jdbc:postgresql://localhost/loadout").port()).isEqualTo(5432);
        assertThatThrownBy(() -> DatabaseTarget.fromJdbcUrl("jdbc:h2:mem:x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String restoreList(Path dump) throws Exception {
        var process = new ProcessBuilder("pg_restore", "--list", dump.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
