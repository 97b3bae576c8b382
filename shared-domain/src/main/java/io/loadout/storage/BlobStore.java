package io.loadout.storage;

import java.io.IOException;
import java.io.InputStream;

/** Port: the file bucket (Cloud Storage in the cloud, a folder locally). Names are object paths like {@code imports/x.csv}. */
public interface BlobStore {

    /** Opens an object for reading; the caller closes the stream. */
    InputStream open(String name) throws IOException;

    void write(String name, byte[] content, String contentType) throws IOException;

    boolean exists(String name) throws IOException;

    /** Removes an object; removing one that is not there is not an error. */
    void delete(String name) throws IOException;
}
