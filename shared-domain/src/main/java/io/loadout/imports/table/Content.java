package io.loadout.imports.table;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file that can be opened more than once. Imports live in a bucket, so the reader may read a file twice: once
 * for evidence (encoding, number convention, row count) and once for the rows themselves.
 */
@FunctionalInterface
public interface Content {

    InputStream open() throws IOException;
}
