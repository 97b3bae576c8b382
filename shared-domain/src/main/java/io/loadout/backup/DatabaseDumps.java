package io.loadout.backup;

import java.io.IOException;
import java.util.List;

/**
 * Port: complete dumps of the database, kept under names the backup job chooses (locally: {@code pg_dump} files in
 * the backup folder). The job decides when a dump is taken, what it is called and which ones go; this says how.
 */
public interface DatabaseDumps {

    /** Takes a complete dump under this name; one that fails leaves nothing under the name. */
    TakenDump take(String name) throws IOException, InterruptedException;

    /** Every name kept where the dumps are, including names the job did not choose (it skips those). */
    List<String> names() throws IOException;

    void delete(String name) throws IOException;

    /** Where the dump is (for the job's report) and its size. */
    record TakenDump(String location, long bytes) {
    }
}
