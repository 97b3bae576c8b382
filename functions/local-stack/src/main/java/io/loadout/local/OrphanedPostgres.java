package io.loadout.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A PostgreSQL server still running on the stack's own data folder after the stack that started it died without
 * stopping it ({@code kill -9}, a crash): its {@code postmaster.pid} names a live process that serves this folder.
 */
record OrphanedPostgres(long pid, int port) {

    static Optional<OrphanedPostgres> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 4 || !lines.get(0).strip().matches("\\d+") || !lines.get(3).strip().matches("\\d+")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        boolean serving = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> servesDataDir(process, dataDir)).isPresent();
        // A pid file of a dead server is stale: PostgreSQL itself sees that and starts normally.
        return serving ? Optional.of(new OrphanedPostgres(pid, Integer.parseInt(lines.get(3).strip()))) : Optional.empty();
    }

    /** The postmaster works in its data folder; where /proc is not readable, a postgres process is taken as it. */
    private static boolean servesDataDir(ProcessHandle process, Path dataDir) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(process.pid()), "cwd")).equals(dataDir.toRealPath());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return process.info().command().map(command -> command.endsWith("postgres")).orElse(false);
        }
    }

    /** PostgreSQL's fast shutdown (SIGINT): open transactions roll back, committed data is checkpointed. */
    void stop(Duration timeout) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
        String output = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0 && ProcessHandle.of(pid).isPresent()) {
            throw new IllegalStateException("could not signal PostgreSQL (pid " + pid + "): " + output.strip());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop within " + timeout.toSeconds()
                        + " s of a fast shutdown; stop it yourself (kill -INT " + pid + ") and start again");
            }
            Thread.sleep(50);
        }
    }
}
