package io.loadout.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRetentionTest {

    @TempDir
    Path dir;

    private BackupJob job(Duration retention) {
        BackupConfig config = new BackupConfig() {
            public boolean enabled() {
                return true;
            }

            public Path dir() {
                return dir;
            }

            public Duration retention() {
                return retention;
            }

            public String pgDump() {
                return "pg_dump";
            }
        };
        return new BackupJob(config, new MutableClock(Instant.EPOCH), "jdbc:postgresql://localhost:5432/x", "postgres",
                Optional.empty());
    }

    private void dumpAt(String stamp) throws Exception {
        Files.writeString(dir.resolve("loadout-" + stamp + ".dump"), "x");
    }

    @Test
    void oldDumpsGoTheNewestAlwaysStaysAndOtherFilesAreLeftAlone() throws Exception {
        dumpAt("20261101T030000Z");
        dumpAt("20261110T030000Z");
        dumpAt("20261120T030000Z");
        Files.writeString(dir.resolve("notes.txt"), "keep");
        Files.writeString(dir.resolve("loadout-garbage.dump"), "keep");

        int deleted = job(Duration.ofDays(7)).applyRetention(Instant.parse("2026-11-21T03:00:00Z"));

        assertThat(deleted).isEqualTo(2);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("loadout-20261120T030000Z.dump", "notes.txt", "loadout-garbage.dump");
        }
    }

    @Test
    void theNewestDumpSurvivesEvenWhenOlderThanTheRetention() throws Exception {
        dumpAt("20250101T030000Z");
        assertThat(job(Duration.ofDays(7)).applyRetention(Instant.parse("2026-11-21T03:00:00Z"))).isZero();
    }

    @Test
    void theDatabaseIsReadFromTheJdbcUrl() {
        assertThat(DatabaseTarget.fromJdbcUrl("jdbc:postgresql://db.internal:6543/loadout?sslmode=require"))
                .isEqualTo(new DatabaseTarget("db.internal", 6543, "loadout"));
        assertThat(DatabaseTarget.fromJdbcUrl("jdbc:postgresql://localhost/loadout").port()).isEqualTo(5432);
        assertThatThrownBy(() -> DatabaseTarget.fromJdbcUrl("jdbc:h2:mem:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
