package io.loadout.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Decides when a file in the bucket folder is a finished upload: its size and modification time were seen
 * unchanged {@code quiet} apart. A folder has no "upload finished" signal (Cloud Storage's finalize), so a writer
 * that pauses longer than that mid-file must write under a hidden or {@code .part} name and rename it when done.
 * Times are {@link System#nanoTime()} readings, passed in so the rule is testable without waiting.
 */
final class QuietFiles {

    /** What a file looked like: a new size or modification time (= generation) is a change. */
    record Version(long size, long generation) {
    }

    /** A file whose version held still for the quiet period: announce it. */
    record Settled(Path file, Version version) {
    }

    /** Reads a file's current version; empty when it is gone. */
    @FunctionalInterface
    interface Probe {
        Optional<Version> versionOf(Path file) throws IOException;
    }

    private record Seen(Version version, long sinceNanos) {
    }

    private final long quietNanos;
    private final Map<Path, Seen> pending = new HashMap<>();
    private final Map<Path, Version> announced = new HashMap<>();

    QuietFiles(Duration quiet) {
        this.quietNanos = quiet.toNanos();
    }

    /**
     * Names a file is written under until it is complete, then renamed: hidden ones (as {@link FolderBlobStore}
     * writes its own objects) and {@code .part}. They are never uploads.
     */
    static boolean inProgressName(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") || name.endsWith(".part");
    }

    /** The file was seen as {@code version} (a change event or a scan): a new version restarts its quiet period. */
    void saw(Path file, Version version, long nowNanos) {
        if (version.equals(announced.get(file))) {
            return;
        }
        var seen = pending.get(file);
        if (seen == null || !seen.version().equals(version)) {
            pending.put(file, new Seen(version, nowNanos));
        }
    }

    void gone(Path file) {
        pending.remove(file);
        announced.remove(file);
    }

    /** Forgets every file not in {@code present} (deleted while no event said so). */
    void retainOnly(Set<Path> present) {
        pending.keySet().retainAll(present);
        announced.keySet().retainAll(present);
    }

    /**
     * Looks again at each file whose quiet period is over: unchanged ones are settled (and remembered, so the same
     * version is never announced twice); changed ones start a new quiet period.
     */
    List<Settled> settle(long nowNanos, Probe probe) throws IOException {
        List<Settled> settled = new ArrayList<>();
        for (var entry : List.copyOf(pending.entrySet())) {
            Path file = entry.getKey();
            Seen seen = entry.getValue();
            if (nowNanos - seen.sinceNanos() < quietNanos) {
                continue;
            }
            var current = probe.versionOf(file);
            if (current.isEmpty()) {
                gone(file);
            } else if (!current.get().equals(seen.version())) {
                pending.put(file, new Seen(current.get(), nowNanos));
            } else {
                pending.remove(file);
                announced.put(file, seen.version());
                settled.add(new Settled(file, seen.version()));
            }
        }
        return settled;
    }

    /** The announcement failed (Cloud Storage would redeliver): try this version again after {@code retryAfter}. */
    void retry(Settled failed, Duration retryAfter, long nowNanos) {
        announced.remove(failed.file());
        pending.put(failed.file(), new Seen(failed.version(), nowNanos + retryAfter.toNanos() - quietNanos));
    }

    /** When the next quiet period ends; empty when nothing is pending. */
    OptionalLong nextDueNanos() {
        return pending.values().stream().mapToLong(s -> s.sinceNanos() + quietNanos).min();
    }
}
