package io.loadout.imports.table;

import java.util.Iterator;

/** A stream of rows over an open file: holds one row at a time; close it to release the file. */
public interface Rows extends Iterator<SheetRow>, AutoCloseable {

    @Override
    void close();
}
