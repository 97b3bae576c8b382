package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lease rules of {@link ImportJob} as plain Java: who may claim, who may finish, when it gives up. */
class ImportLeaseRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final ImportResult CLEAN = new ImportResult(1, 1, List.of());

    private static ImportJob received() {
        return new ImportJob(7, "rows", new StoredObject("b", "imports/rows/a.csv", 42, 10L, "text/csv"), T0);
    }

    private static ImportClaim claimAt(ImportJob job, Instant now) {
        return job.claim(now, now.minus(LEASE), 3);
    }

    @Test
    void aReceivedJobIsAlwaysFreeAndAProcessingOneOnlyOnceItsHeartbeatIsOlderThanTheLease() {
        var job = received();
        assertThat(claimAt(job, T0)).isEqualTo(new ImportClaim.Taken(7, 1, "imports/rows/a.csv", 42));

        assertThat(claimAt(job, T0.plus(LEASE))).isEqualTo(new ImportClaim.Busy(1));
        assertThat(claimAt(job, T0.plus(LEASE).plusMillis(1))).isEqualTo(new ImportClaim.Taken(7, 2, "imports/rows/a.csv", 42));
        assertThat(job.heartbeatAt()).isEqualTo(T0.plus(LEASE).plusMillis(1));
    }

    @Test
    void onlyTheAttemptHoldingTheJobMayFinishIt() {
        var job = received();
        claimAt(job, T0);
        claimAt(job, T0.plus(Duration.ofMinutes(11)));

        assertThatThrownBy(() -> job.finish(1, CLEAN, "sha", null, T0.plus(Duration.ofMinutes(12))))
                .isInstanceOf(LeaseLost.class).hasMessageContaining("attempt 2 has it");
        assertThat(job.status()).isEqualTo(ImportStatus.PROCESSING);
        job.finish(2, CLEAN, "sha", null, T0.plus(Duration.ofMinutes(12)));
        assertThat(job.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThatThrownBy(() -> job.finish(2, CLEAN, "sha", null, T0)).isInstanceOf(LeaseLost.class);
        assertThat(claimAt(job, T0.plus(Duration.ofDays(1)))).isEqualTo(new ImportClaim.Finished(ImportStatus.SUCCEEDED));
    }

    @Test
    void whenTheLastAllowedAttemptIsInterruptedTheJobFailsWithAClearError() {
        var job = received();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(claimAt(job, T0.plus(Duration.ofMinutes(11L * attempt)))).isInstanceOf(ImportClaim.Taken.class);
        }

        var gaveUp = (ImportClaim.GaveUp) claimAt(job, T0.plus(Duration.ofMinutes(33)));

        assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(job.attempts()).isEqualTo(3);
        assertThat(gaveUp.event().status()).isEqualTo(ImportStatus.FAILED);
        assertThat(gaveUp.event().summary()).startsWith("file: gave up after 3 attempts").contains("Upload the file again");
        assertThat(claimAt(job, T0.plus(Duration.ofHours(2)))).isEqualTo(new ImportClaim.Finished(ImportStatus.FAILED));
    }

    @Test
    void aSoleWorkerTakesOverWhatPredatesItsStartAtOnceAndOtherwiseWaitsForTheLease() {
        Instant started = T0.plus(Duration.ofMinutes(1));
        var sole = service(Optional.of(started));
        var shared = service(Optional.empty());
        Instant now = T0.plus(Duration.ofMinutes(2));

        assertThat(sole.staleBefore(now)).isEqualTo(started);
        assertThat(shared.staleBefore(now)).isEqualTo(now.minus(LEASE));
        assertThat(sole.staleBefore(started.plus(Duration.ofHours(1)))).isEqualTo(started.plus(Duration.ofMinutes(50)));
    }

    private static ImportService service(Optional<Instant> soleWorkerSince) {
        var config = new ImportService.ImportsConfig() {
            public Duration lease() {
                return LEASE;
            }

            public int maxAttempts() {
                return 3;
            }

            public Optional<Instant> soleWorkerSince() {
                return soleWorkerSince;
            }

            public int sweepBatch() {
                return 20;
            }

            public long maxRows() {
                return 1;
            }

            public long maxMegabytes() {
                return 1;
            }
        };
        return new ImportService(null, null, null, Clock.fixed(T0, ZoneOffset.UTC), config);
    }
}
