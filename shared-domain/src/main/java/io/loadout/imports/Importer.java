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

    ImportResult apply(InputStream content, ImportContext context) throws IOException;

    /**
     * {@code limits}: how large a file the importer reads (configured, {@code loadout.imports.max-*});
     * {@code progress}: where the importer reports how far it has read.
     */
    record ImportContext(long jobId, String objectName, Limits limits, ImportProgress progress) {

        public ImportContext(long jobId, String objectName) {
            this(jobId, objectName, Limits.DEFAULT, ImportProgress.NONE);
        }
    }
}
