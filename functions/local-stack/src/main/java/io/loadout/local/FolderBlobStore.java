package io.loadout.local;

import io.loadout.storage.BlobStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The bucket as a local folder: object names are relative paths under it. */
@Alternative
@Priority(10)
@ApplicationScoped
public class FolderBlobStore implements BlobStore {

    private final Path root;

    FolderBlobStore(LocalConfig config) {
        this.root = config.bucketDir().toAbsolutePath().normalize();
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public void write(String name, byte[] content, String contentType) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(resolve(name));
    }

    Path root() {
        return root;
    }

    /** Object names never escape the bucket folder. */
    Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("object name outside the bucket: " + name);
        }
        return path;
    }
}
