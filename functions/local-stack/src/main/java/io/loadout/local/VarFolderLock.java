package io.loadout.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One stack per var folder: an OS lock on {@code <var>/.lock} held for the life of the process. The OS drops it when
 * the process dies however it dies, so whoever holds it knows every earlier stack on this folder is gone.
 */
final class VarFolderLock {

    /** Kept reachable for the life of the process: the lock (and its channel) must never be collected. */
    private static FileLock held;

    private VarFolderLock() {
    }

    static synchronized void acquire(Path varDir) {
        Path file = varDir.resolve(".lock");
        FileLock lock;
        try {
            Files.createDirectories(varDir);
            var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + file, e);
        }
        if (lock == null) {
            throw new IllegalStateException("another Loadout local stack is running on " + varDir.toAbsolutePath()
                    + " (it holds " + file + "); stop it, or give this one its own folder with LOADOUT_VAR");
        }
        held = lock;
    }
}
