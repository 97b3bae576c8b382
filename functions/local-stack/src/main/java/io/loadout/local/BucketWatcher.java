package io.loadout.local;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.adapters.gcp.GcpConfig;
import io.loadout.adapters.gcp.StorageObjectData;
import io.loadout.functions.imports.ImportsFunction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Turns files appearing under {@code <bucket>/imports/} into the storage-finalize events Cloud Storage sends. It
 * listens to the folder tree's change events (inotify on Linux) and announces a file once it has stayed unchanged
 * for {@code loadout.local.bucket-quiet} ({@link QuietFiles}); a scan every {@code loadout.local.bucket-poll}
 * catches what events missed (no watch support, overflow). The generation is the modification time in
 * microseconds, so rewriting a file makes a new generation. One thread does all of it, announcing one file at a time.
 */
@ApplicationScoped
public class BucketWatcher {

    private static final Logger LOG = Logger.getLogger(BucketWatcher.class);

    private final FolderBlobStore bucket;
    private final LocalConfig config;
    private final String bucketName;
    private final ObjectMapper json;
    private final ImportsFunction function;
    private final QuietFiles files;
    private final Map<WatchKey, Path> watchedDirs = new HashMap<>();
    private final Set<Path> watched = new HashSet<>();
    private WatchService watch;
    private Thread thread;
    private volatile boolean running;

    BucketWatcher(FolderBlobStore bucket, LocalConfig config, GcpConfig gcp, ObjectMapper json, ImportsFunction function) {
        this.function = function;
        this.bucket = bucket;
        this.config = config;
        this.bucketName = gcp.bucket();
        this.json = json;
        this.files = new QuietFiles(config.bucketQuiet());
    }

    void start(@Observes StartupEvent startup) throws IOException {
        Files.createDirectories(imports());
        try {
            watch = imports().getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("no change events for %s (%s): scanning it every %s", imports(), e, config.bucketPoll());
        }
        running = true;
        thread = new Thread(this::run, "bucket-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws IOException {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        if (watch != null) {
            watch.close();
        }
    }

    private Path imports() {
        return bucket.root().resolve("imports");
    }

    private void run() {
        long pollNanos = config.bucketPoll().toNanos();
        long nextScan = System.nanoTime();
        while (running) {
            try {
                long now = System.nanoTime();
                if (now - nextScan >= 0) {
                    files.retainOnly(watchTree(imports(), now));
                    nextScan = now + pollNanos;
                }
                for (var settled : files.settle(now, BucketWatcher::versionOf)) {
                    announce(settled);
                }
                var due = files.nextDueNanos();
                long wakeAt = due.isPresent() && due.getAsLong() - nextScan < 0 ? due.getAsLong() : nextScan;
                awaitChanges(wakeAt - System.nanoTime());
            } catch (InterruptedException | ClosedWatchServiceException e) {
                if (running) {
                    LOG.warn("bucket watcher interrupted; going on", e);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("bucket watch failed; will retry", e);
                nextScan = System.nanoTime() + pollNanos;
                sleepQuietly(pollNanos);
            }
        }
    }

    /** Waits up to {@code timeoutNanos} for change events, and takes in every one that came. */
    private void awaitChanges(long timeoutNanos) throws InterruptedException, IOException {
        if (watch == null) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, timeoutNanos));
            return;
        }
        WatchKey key = timeoutNanos > 0 ? watch.poll(timeoutNanos, TimeUnit.NANOSECONDS) : watch.poll();
        while (key != null) {
            take(key);
            key = watch.poll();
        }
    }

    private void take(WatchKey key) throws IOException {
        Path dir = watchedDirs.get(key);
        long now = System.nanoTime();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW || dir == null) {
                files.retainOnly(watchTree(imports(), now));
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (event.kind() == ENTRY_DELETE) {
                files.gone(path);
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                watchTree(path, now); // files written before its watch began have no events
            } else {
                see(path, now);
            }
        }
        if (!key.reset()) {
            watched.remove(watchedDirs.remove(key));
        }
    }

    /** Watches every folder under {@code root} and sees every file in it; returns the files found. */
    private Set<Path> watchTree(Path root, long now) throws IOException {
        Set<Path> found = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    watchFolder(path);
                } else if (see(path, now)) {
                    found.add(path);
                }
            }
        }
        return found;
    }

    private void watchFolder(Path dir) throws IOException {
        if (watch != null && watched.add(dir)) {
            try {
                watchedDirs.put(dir.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), dir);
            } catch (NoSuchFileException e) {
                watched.remove(dir);
            }
        }
    }

    /** True when {@code path} is a file that may be an upload (now or once renamed); records its version. */
    private boolean see(Path path, long now) throws IOException {
        if (QuietFiles.inProgressName(path)) {
            return false;
        }
        var version = versionOf(path);
        version.ifPresent(v -> files.saw(path, v, now));
        return version.isPresent();
    }

    private static Optional<QuietFiles.Version> versionOf(Path file) throws IOException {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile()
                    ? Optional.of(new QuietFiles.Version(attributes.size(), FolderBlobStore.generationOf(attributes)))
                    : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private void announce(QuietFiles.Settled settled) throws IOException {
        Path file = settled.file();
        String name = bucket.root().relativize(file).toString().replace('\\', '/');
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            files.gone(file);
            return;
        }
        var data = new StorageObjectData(bucketName, name, String.valueOf(settled.version().generation()),
                String.valueOf(settled.version().size()), name.endsWith(".csv") ? "text/csv" : "application/octet-stream",
                null, attributes.creationTime().toInstant().toString());
        try {
            LocalFunctions.invoke(function, f -> f.importObject(LocalCloudEvents.storageFinalized(data, json)));
        } catch (RuntimeException | Error e) {
            // Cloud Storage would redeliver: announce the same version again after a poll interval. An Error (a
            // StackOverflowError in an importer, say) must not end the watcher's thread: nothing would import again.
            files.retry(settled, config.bucketPoll(), System.nanoTime());
            LOG.errorf(e, "imports function failed for %s; it will be retried", name);
        }
    }

    private static void sleepQuietly(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
