package io.loadout.adapters.gcp;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import io.loadout.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.nio.channels.Channels;

/** {@link BlobStore} on the configured Cloud Storage bucket. */
@ApplicationScoped
public class GcsBlobStore implements BlobStore {

    private final Storage storage;
    private final String bucket;

    GcsBlobStore(Storage storage, GcpConfig config) {
        this.storage = storage;
        this.bucket = config.bucket();
    }

    @Override
    public InputStream open(String name) throws FileNotFoundException {
        var blob = storage.get(BlobId.of(bucket, name));
        if (blob == null) {
            throw new FileNotFoundException("gs://" + bucket + "/" + name);
        }
        return Channels.newInputStream(blob.reader());
    }

    /** Reads that generation itself (a versioned bucket keeps older ones readable); gone means overwritten or deleted. */
    @Override
    public InputStream open(String name, long generation) throws GenerationGone {
        var blob = storage.get(BlobId.of(bucket, name, generation));
        if (blob == null) {
            var current = storage.get(BlobId.of(bucket, name));
            throw new GenerationGone("gs://" + bucket + "/" + name, generation, current == null ? null : current.getGeneration());
        }
        return Channels.newInputStream(blob.reader());
    }

    @Override
    public void write(String name, byte[] content, String contentType) {
        storage.create(BlobInfo.newBuilder(BlobId.of(bucket, name)).setContentType(contentType).build(), content);
    }

    @Override
    public void delete(String name) {
        storage.delete(BlobId.of(bucket, name));
    }

    @Override
    public boolean exists(String name) {
        return storage.get(BlobId.of(bucket, name)) != null;
    }
}
