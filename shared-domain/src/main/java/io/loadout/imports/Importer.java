package io.loadout.imports;

import io.loadout.imports.table.Limits;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one plug-in point for import kinds: a CDI bean per kind. It runs inside the job's transaction, so its
 * writes commit together with the job's final status, or not at all.
 */
public interface Importer {

    /** The folder name under {@code imports/} this importer handles. */
    String kind();

    /**
     * Reads, checks and applies the file. When {@link ImportContext#dryRun()} it runs every check a real import
     * runs and reports what it would write (rows applied, new/changed/unchanged), but writes nothing to domain
     * tables, appends no events and starts nothing (e.g. no preorder allocation). Its transaction is rolled back
     * anyway (ADR 0016), so a slip cannot write, but counting instead of writing keeps sequences and locks untouched.
     */
    ImportResult apply(InputStream content, ImportContext context) throws IOException;

    /**
     * {@code dryRun}: validate and count, write nothing (see {@link #apply}); {@code limits}: how large a file the
     * importer reads (configured, {@code loadout.imports.max-*}); {@code progress}: where the importer reports how far
     * it has read.
     */
    record ImportContext(long jobId, String objectName, boolean dryRun, Limits limits, ImportProgress progress) {

        public ImportContext(long jobId, String objectName) {
            this(jobId, objectName, false, Limits.DEFAULT, ImportProgress.NONE);
        }

        public ImportContext(long jobId, String objectName, boolean dryRun) {
            this(jobId, objectName, dryRun, Limits.DEFAULT, ImportProgress.NONE);
        }
    }
}
