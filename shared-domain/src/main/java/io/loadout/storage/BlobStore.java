package io.loadout.storage;

import java.io.IOException;
import java.io.InputStream;

/** Port: the file bucket (Cloud Storage in the cloud, a folder locally). Names are object paths like {@code imports/x.csv}. */
public interface BlobStore {

    /** Opens an object for reading; the caller closes the stream. */
    InputStream open(String name) throws IOException;

    /**
     * Opens exactly this generation of an object (Cloud Storage's generation; a folder's modification time in
     * microseconds), or fails with {@link GenerationGone} — when opening, or at the end of the stream if the object
     * was overwritten while it was read — so that content of a newer upload is never read as this one.
     */
    InputStream open(String name, long generation) throws IOException;

    void write(String name, byte[] content, String contentType) throws IOException;

    boolean exists(String name) throws IOException;

    /** Removes an object; removing one that is not there is not an error. */
    void delete(String name) throws IOException;

    /** The generation asked for is no longer stored: the object was overwritten or deleted since. */
    final class GenerationGone extends IOException {

        public GenerationGone(String name, long wanted, Long current) {
            super(name + " generation " + wanted + " is gone: "
                    + (current == null ? "the object was deleted" : "overwritten by generation " + current));
        }
    }
}
