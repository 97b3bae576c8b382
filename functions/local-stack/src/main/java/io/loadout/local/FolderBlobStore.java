package io.loadout.local;

import io.loadout.storage.BlobStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

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

    /** The generation is the modification time in microseconds (as {@link BucketWatcher} announces it). */
    @Override
    public InputStream open(String name, long generation) throws IOException {
        Path file = resolve(name);
        requireGeneration(file, name, generation);
        return new FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read() throws IOException {
                return atEnd(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return atEnd(super.read(b, off, len));
            }

            /** Rewritten in place while read: what was read may mix two uploads. */
            private int atEnd(int n) throws IOException {
                if (n < 0) {
                    requireGeneration(file, name, generation);
                }
                return n;
            }
        };
    }

    static long generationOf(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS);
    }

    static long generationOf(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS);
    }

    private static void requireGeneration(Path file, String name, long generation) throws IOException {
        Long current = Files.isRegularFile(file) ? generationOf(file) : null;
        if (current == null || current != generation) {
            throw new GenerationGone(name, generation, current);
        }
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
