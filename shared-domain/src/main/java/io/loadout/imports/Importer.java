package io.loadout.imports;

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

    record ImportContext(long jobId, String objectName) {
    }
}
