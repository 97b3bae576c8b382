package io.loadout.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.local.QuietFiles.Version;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule that tells a finished upload in the bucket folder from one still being written, on a fake clock. */
class QuietFilesTest {

    private static final long MS = 1_000_000L;
    private final QuietFiles files = new QuietFiles(Duration.ofMillis(200));
    private final Map<Path, Version> disk = new HashMap<>();
    private final Path upload = Path.of("imports/x/a.csv");

    private void write(long size, long mtime, long atMs) {
        disk.put(upload, new Version(size, mtime));
        files.saw(upload, disk.get(upload), atMs * MS);
    }

    private java.util.List<QuietFiles.Settled> settleAt(long ms) throws Exception {
        return files.settle(ms * MS, file -> Optional.ofNullable(disk.get(file)));
    }

    @Test
    void aFileIsSettledOnceItHeldStillForTheQuietPeriodAndNeverAgainUnchanged() throws Exception {
        write(10, 1, 0);

        assertThat(settleAt(199)).isEmpty();
        assertThat(files.nextDueNanos()).hasValue(200 * MS);
        assertThat(settleAt(200)).singleElement().isEqualTo(new QuietFiles.Settled(upload, new Version(10, 1)));

        files.saw(upload, new Version(10, 1), 900 * MS);
        assertThat(settleAt(5_000)).isEmpty();
        assertThat(files.nextDueNanos()).isEmpty();
    }

    @Test
    void eachWriteRestartsTheQuietPeriodSoAChunkedUploadIsSettledOnlyWhenComplete() throws Exception {
        for (int chunk = 1; chunk <= 20; chunk++) {
            write(chunk * 100L, chunk, chunk * 150L);
            assertThat(settleAt(chunk * 150L + 149)).as("chunk %d", chunk).isEmpty();
        }

        assertThat(settleAt(20 * 150 + 200)).singleElement()
                .satisfies(s -> assertThat(s.version()).isEqualTo(new Version(2000, 20)));
    }

    @Test
    void aWriteNoEventReportedIsFoundWhenTheFileIsLookedAtAgain() throws Exception {
        write(100, 1, 0);
        disk.put(upload, new Version(150, 2)); // written at 150 ms; its event was lost

        assertThat(settleAt(200)).as("changed since it was seen: a new quiet period").isEmpty();
        assertThat(settleAt(399)).isEmpty();
        assertThat(settleAt(400)).singleElement().satisfies(s -> assertThat(s.version().size()).isEqualTo(150));
    }

    @Test
    void aRewriteIsANewVersionAndIsAnnouncedAgain() throws Exception {
        write(10, 1, 0);
        settleAt(200);

        write(12, 2, 1_000);

        assertThat(settleAt(1_200)).singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(new Version(12, 2)));
    }

    @Test
    void aFileDeletedBeforeItSettledIsForgotten() throws Exception {
        write(10, 1, 0);
        disk.remove(upload);

        assertThat(settleAt(200)).isEmpty();
        assertThat(files.nextDueNanos()).isEmpty();
    }

    @Test
    void aFailedAnnouncementIsRetriedAfterTheGivenDelay() throws Exception {
        write(10, 1, 0);
        var settled = settleAt(200).get(0);

        files.retry(settled, Duration.ofSeconds(1), 200 * MS);

        assertThat(settleAt(1_199)).isEmpty();
        assertThat(settleAt(1_200)).containsExactly(settled);
    }

    @Test
    void aFileGoneFromAScanIsForgottenSoTheSameVersionCountsAgainWhenItReturns() throws Exception {
        write(10, 1, 0);
        settleAt(200);

        files.retainOnly(Set.of());
        files.saw(upload, new Version(10, 1), 1_000 * MS);

        assertThat(settleAt(1_200)).hasSize(1);
    }

    @Test
    void hiddenAndPartNamesAreUploadsInProgress() {
        assertThat(QuietFiles.inProgressName(Path.of("imports/x/.a.csv"))).isTrue();
        assertThat(QuietFiles.inProgressName(Path.of("imports/x/a.csv.part"))).isTrue();
        assertThat(QuietFiles.inProgressName(Path.of("imports/x/a.csv"))).isFalse();
        assertThat(QuietFiles.inProgressName(Path.of("imports/x/a.partial.csv"))).isFalse();
    }
}
