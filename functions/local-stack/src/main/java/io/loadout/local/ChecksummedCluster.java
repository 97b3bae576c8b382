package io.loadout.local;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A new cluster with data checksums ({@code initdb -k}), which zonky 2.2.2 cannot ask for (its initdb options are
 * {@code --key=value} pairs; {@code --data-checksums} takes none, and its binaries have no {@code pg_checksums}).
 * After zonky's own initdb, before the first start, the cluster is created again with {@code -k} beside it and
 * swapped in; {@code postgresql.conf} moves last, so a folder holding one is a complete cluster.
 */
final class ChecksummedCluster {

    /** zonky's lock file in the data folder, held open while it runs. */
    private static final String ZONKY_LOCK = "epg-lock";

    private ChecksummedCluster() {
    }

    /** A folder without postgresql.conf never served data: the rest of an interrupted first start. */
    static boolean isIncomplete(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir) || Files.exists(dataDir.resolve("postgresql.conf"))) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return entries.anyMatch(entry -> !entry.getFileName().toString().equals(ZONKY_LOCK));
        }
    }

    static void clear(Path dir, boolean keepZonkyLock) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                boolean keep = path.equals(dir) || keepZonkyLock && path.equals(dir.resolve(ZONKY_LOCK));
                if (!keep) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Replaces zonky's fresh (empty) cluster in {@code dataDir} by one initialised with data checksums. */
    static void recreateWithChecksums(Path dataDir) {
        Path fresh = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
        try {
            clear(fresh, false);
            Files.deleteIfExists(fresh);
            initdb(fresh);
            clear(dataDir, true);
            List<Path> entries;
            try (Stream<Path> list = Files.list(fresh)) {
                entries = new ArrayList<>(list.sorted(Comparator.comparing(p -> p.getFileName().toString()
                        .equals("postgresql.conf"))).toList());
            }
            for (Path entry : entries) {
                Files.move(entry, dataDir.resolve(entry.getFileName().toString()));
            }
            Files.delete(fresh);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the cluster in " + dataDir + " with data checksums", e);
        }
    }

    /** The same initdb zonky runs (trust, superuser postgres, UTF-8), plus {@code -k}. */
    private static void initdb(Path target) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does when run as root: PostgreSQL refuses root
        }
        command.addAll(List.of(binaries().resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D",
                target.toString(), "-E", "UTF-8", "--data-checksums"));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException("initdb failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while initdb ran", e);
        }
    }

    /** Where zonky 2.2.2 unpacked its binaries: {@code <working dir>/PG-<MD5 of the archive>/bin}. */
    static Path binaries() throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream archive = new DigestInputStream(DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
                "x86_64"), md5)) {
            archive.transferTo(OutputStream.nullOutputStream());
        }
        Path workingDir = Path.of(System.getProperty("ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        Path bin = workingDir.resolve("PG-" + HexFormat.of().formatHex(md5.digest())).resolve("bin");
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IOException("zonky's PostgreSQL binaries are not where expected (" + bin + ")");
        }
        return bin;
    }
}
