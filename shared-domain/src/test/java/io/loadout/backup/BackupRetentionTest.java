package io.loadout.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.testdoubles.InMemoryDatabaseDumps;
import io.loadout.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The job's rules on names alone; taking and storing dumps (the real pg_dump) is PgDumpFolderTest's. */
class BackupRetentionTest {

    private final InMemoryDatabaseDumps dumps = new InMemoryDatabaseDumps();

    private BackupJob job(boolean enabled, Duration retention, Instant now) {
        BackupConfig config = new BackupConfig() {
            public boolean enabled() {
                return enabled;
            }

            public Duration retention() {
                return retention;
            }
        };
        return new BackupJob(config, dumps, new MutableClock(now));
    }

    private BackupJob job(Duration retention) {
        return job(true, retention, Instant.EPOCH);
    }

    @Test
    void oldDumpsGoTheNewestAlwaysStaysAndOtherNamesAreLeftAlone() throws Exception {
        dumps.names.add("loadout-20261101T030000Z.dump");
        dumps.names.add("loadout-20261110T030000Z.dump");
        dumps.names.add("loadout-20261120T030000Z.dump");
        dumps.names.add("notes.txt");
        dumps.names.add("loadout-garbage.dump");

        int deleted = job(Duration.ofDays(7)).applyRetention(Instant.parse("2026-11-21T03:00:00Z"));

        assertThat(deleted).isEqualTo(2);
        assertThat(dumps.names).containsExactlyInAnyOrder("loadout-20261120T030000Z.dump", "notes.txt", "loadout-garbage.dump");
    }

    @Test
    void theNewestDumpSurvivesEvenWhenOlderThanTheRetention() throws Exception {
        dumps.names.add("loadout-20250101T030000Z.dump");
        assertThat(job(Duration.ofDays(7)).applyRetention(Instant.parse("2026-11-21T03:00:00Z"))).isZero();
    }

    @Test
    void aRunTakesADumpNamedByItsTimeThenAppliesRetention() throws Exception {
        dumps.names.add("loadout-20261101T030000Z.dump");

        var outcome = job(true, Duration.ofDays(7), Instant.parse("2026-11-21T03:00:05Z")).run();

        assertThat(dumps.names).containsExactly("loadout-20261121T030005Z.dump");
        assertThat(outcome.detail()).isEqualTo("memory:loadout-20261121T030005Z.dump (1 bytes), 1 old dump(s) deleted");
    }

    @Test
    void aDisabledJobTakesNoDump() {
        assertThatThrownBy(() -> job(false, Duration.ofDays(7), Instant.EPOCH).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cloud SQL");
        assertThat(dumps.names).isEmpty();
    }
}
