package io.loadout.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.adapters.gcp.GcpConfig;
import io.loadout.adapters.gcp.StorageObjectData;
import io.loadout.functions.imports.ImportsFunction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Turns files appearing under {@code <bucket>/imports/} into the storage-finalize events Cloud Storage sends.
 * A file is announced once its size and modification time stop changing between two scans (no half-written
 * uploads); the generation is the modification time in microseconds, so rewriting a file makes a new generation.
 */
@ApplicationScoped
public class BucketWatcher {

    private static final Logger LOG = Logger.getLogger(BucketWatcher.class);

    record Version(long size, long generation) {
    }

    private final FolderBlobStore bucket;
    private final LocalConfig config;
    private final String bucketName;
    private final ObjectMapper json;
    private final ImportsFunction function;
    private final Map<Path, Version> candidates = new HashMap<>();
    private final Map<Path, Version> announced = new HashMap<>();
    private ScheduledExecutorService timer;

    BucketWatcher(FolderBlobStore bucket, LocalConfig config, GcpConfig gcp, ObjectMapper json, ImportsFunction function) {
        this.function = function;
        this.bucket = bucket;
        this.config = config;
        this.bucketName = gcp.bucket();
        this.json = json;
    }

    void start(@Observes StartupEvent startup) throws IOException {
        Files.createDirectories(bucket.root().resolve("imports"));
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bucket-watcher"));
        long every = config.bucketPoll().toMillis();
        timer.scheduleWithFixedDelay(this::scanSafely, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void scanSafely() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            LOG.warn("bucket scan failed; will retry", e);
        }
    }

    synchronized void scan() throws IOException {
        Path imports = bucket.root().resolve("imports");
        if (!Files.isDirectory(imports)) {
            return;
        }
        try (Stream<Path> files = Files.walk(imports)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                var attributes = Files.readAttributes(file, BasicFileAttributes.class);
                var version = new Version(attributes.size(), FolderBlobStore.generationOf(file));
                if (version.equals(announced.get(file))) {
                    continue;
                }
                if (version.equals(candidates.get(file))) {
                    candidates.remove(file);
                    announced.put(file, version);
                    announce(file, version, attributes.creationTime().toInstant());
                } else {
                    candidates.put(file, version);
                }
            }
        }
    }

    private void announce(Path file, Version version, Instant created) {
        String name = bucket.root().relativize(file).toString().replace('\\', '/');
        var data = new StorageObjectData(bucketName, name, String.valueOf(version.generation()),
                String.valueOf(version.size()), name.endsWith(".csv") ? "text/csv" : "application/octet-stream", null,
                created.toString());
        try {
            LocalFunctions.invoke(function, f -> f.importObject(LocalCloudEvents.storageFinalized(data, json)));
        } catch (RuntimeException e) {
            // Cloud Storage would redeliver: forget the version so the next scan announces it again.
            announced.remove(file);
            LOG.errorf(e, "imports function failed for %s; it will be retried", name);
        }
    }
}
