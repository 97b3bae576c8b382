package io.loadout.imports.table;

import java.util.Iterator;

/** A stream of rows over an open file: holds one row at a time; close it to release the file. */
public interface Rows extends Iterator<SheetRow>, AutoCloseable {

    /** Bytes of the file this stream has read so far, for progress; -1 when not known (a workbook). */
    default long bytesRead() {
        return -1;
    }

    @Override
    void close();
}
