package io.loadout.imports;

import io.loadout.event.Outbox;
import io.loadout.imports.table.Limits;
import io.loadout.storage.BlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs one claimed attempt of an import job: the importer and the job's final status commit in one transaction,
 * so an attempt that dies leaves no rows, and only the attempt still holding the job may commit. A dry run's
 * importer runs in a transaction that is always rolled back, and the job finishes in a transaction of its own.
 */
@ApplicationScoped
class ImportAttempts {

    private static final Logger LOG = Logger.getLogger(ImportAttempts.class);
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;
    /** A record is a transaction of its own: a fast read records at most this often (a lease is minutes long). */
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final ImportJobRepository jobs;
    private final Map<String, Importer> importers;
    private final BlobStore blobs;
    private final ErrorsReports reports;
    private final Outbox outbox;
    private final Clock clock;
    private final ImportService.ImportsConfig config;

    ImportAttempts(ImportJobRepository jobs, Instance<Importer> importers, BlobStore blobs, ErrorsReports reports,
                   Outbox outbox, Clock clock, ImportService.ImportsConfig config) {
        this.jobs = jobs;
        this.importers = importers.stream().collect(Collectors.toMap(Importer::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two importers for kind " + a.kind());
        }, TreeMap::new));
        this.blobs = blobs;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** True when this attempt finished the job; false when a newer attempt took it over meanwhile. */
    boolean run(ImportClaim.Taken claim) {
        var path = ImportPath.parse(claim.objectName()).orElseThrow();
        try {
            // as long as a lease: the default 60 s would cancel a large file's apply step while the attempt is alive
            var work = QuarkusTransaction.requiringNew().timeout(Math.toIntExact(config.lease().toSeconds()));
            if (path.dryRun()) {
                // ADR 0016: whatever the importer did is rolled back (leaving by an exception rolls the transaction
                // back); the job finishes in a transaction of its own
                Read read;
                try {
                    work.run(() -> {
                        throw new DryRunRead(read(claim, path));
                    });
                    throw new IllegalStateException("unreachable");
                } catch (DryRunRead done) {
                    read = done.read;
                }
                QuarkusTransaction.requiringNew().run(() -> finish(claim, path, read.result(), read.checksum(), true));
            } else {
                work.run(() -> {
                    var read = read(claim, path);
                    finish(claim, path, read.result(), read.checksum(), true);
                });
            }
            return true;
        } catch (ImportRejected rejected) {
            return finishAfterRollback(claim, path, rejected.result(), true);
        } catch (OutOfMemoryError e) {
            return ranOutOfMemory(claim, path);
        } catch (RuntimeException e) {
            if (causeOf(e, OutOfMemoryError.class).isPresent()) {
                return ranOutOfMemory(claim, path);
            }
            var error = causeOf(e, Error.class);
            if (error.isPresent()) {
                LOG.errorf(error.get(), "import job %d: attempt %d ended by %s; it is taken over after its lease",
                        claim.jobId(), claim.attempt(), error.get().getClass().getSimpleName());
                // No verdict on the file (a dying process): the job stays PROCESSING and is taken
                // over once its lease lapses, within its attempts.
                throw error.get();
            }
            if (causeOf(e, LeaseLost.class).isPresent()) {
                LOG.warnf("%s; its work was rolled back", causeOf(e, LeaseLost.class).get().getMessage());
                return false;
            }
            var gone = causeOf(e, BlobStore.GenerationGone.class);
            if (gone.isPresent()) {
                // The newer upload is a job of its own; writing an errors file here would overwrite its report.
                return finishAfterRollback(claim, path, ImportResult.rejected(new RowError(0, null, "superseded: "
                        + gone.get().getMessage() + " before this job was read; the newer upload is imported as its"
                        + " own job")), false);
            }
            LOG.errorf(e, "import job %d failed", claim.jobId());
            return finishAfterRollback(claim, path,
                    ImportResult.rejected(new RowError(0, null, "import failed: " + rootMessage(e))), true);
        }
    }

    /**
     * This process survived (the importer's memory is released by now): a verdict on the file, not a crash. Taking
     * it over would run out of memory the same way, once per attempt, a lease apart.
     */
    private boolean ranOutOfMemory(ImportClaim.Taken claim, ImportPath path) {
        long heapMb = Runtime.getRuntime().maxMemory() >> 20;
        LOG.errorf("import job %d ran out of memory (heap limit %d MB) on attempt %d", claim.jobId(), heapMb,
                claim.attempt());
        return finishAfterRollback(claim, path, ImportResult.rejected(new RowError(0, null, "the file is too large "
                + "to import within this function's memory (" + heapMb + " MB heap); split it into smaller files")), true);
    }

    private boolean finishAfterRollback(ImportClaim.Taken claim, ImportPath path, ImportResult result, boolean errorsFile) {
        try {
            QuarkusTransaction.requiringNew().run(() -> finish(claim, path, result, null, errorsFile));
            return true;
        } catch (LeaseLost e) {
            LOG.warn(e.getMessage());
            return false;
        }
    }

    /** What the importer made of the whole content, and the content's checksum. */
    private record Read(ImportResult result, String checksum) {
    }

    private Read read(ImportClaim.Taken claim, ImportPath path) {
        var importer = importers.get(path.kind());
        try (var content = new TrackedStream(blobs.open(path.objectName(), claim.generation()), claim)) {
            ImportResult result;
            if (importer == null) {
                content.transferTo(OutputStream.nullOutputStream());
                result = ImportResult.rejected(new RowError(0, "kind", "unknown import kind '" + path.kind() + "'; "
                        + (importers.isEmpty() ? "no import kinds are installed yet"
                        : "put files under imports/<kind>/ with kind one of " + knownKinds())));
            } else {
                result = importer.apply(content, new Importer.ImportContext(claim.jobId(), path.objectName(),
                        path.dryRun(), new Limits(config.maxRows(), config.maxMegabytes()), recordedProgress(claim)));
                content.transferTo(OutputStream.nullOutputStream());
            }
            return new Read(result, content.sha256());
        } catch (IOException e) {
            throw new ImportIoException(e);
        }
    }

    private void finish(ImportClaim.Taken claim, ImportPath path, ImportResult result, String checksum,
                        boolean errorsFile) {
        var job = jobs.lock(claim.jobId());
        job.requireHeldBy(claim.attempt());
        var report = errorsFile ? reports.update(job, path, result) : new ErrorsReports.Outcome(null, result);
        outbox.append(job.finish(claim.attempt(), report.result(), checksum, report.errorsObject(), clock.instant()));
    }

    List<String> knownKinds() {
        return List.copyOf(importers.keySet());
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Carries a dry run's result out of its transaction, rolling the transaction back on the way. */
    private static final class DryRunRead extends RuntimeException {
        private final transient Read read;

        DryRunRead(Read read) {
            super("dry run read", null, false, false);
            this.read = read;
        }
    }

    private static final class ImportIoException extends RuntimeException {
        ImportIoException(IOException cause) {
            super(cause);
        }
    }

    /**
     * Records a figure of the attempt (a heartbeat, progress) in a transaction of its own, at most once per MiB and
     * second unless forced; each record renews the attempt's lease, and fails with {@link LeaseLost} once another
     * attempt holds the job.
     */
    private static final class ThrottledRecord {
        private final ImportClaim.Taken claim;
        private final String during;
        private final LongPredicate record;
        private long recorded;
        private long recordedAt = System.nanoTime();

        /** {@code record}: writes the figure, true while {@code claim} still holds the job. */
        ThrottledRecord(ImportClaim.Taken claim, String during, LongPredicate record) {
            this.claim = claim;
            this.during = during;
            this.record = record;
        }

        void offer(long bytes) {
            long now = System.nanoTime();
            if (bytes - recorded >= PROGRESS_EVERY_BYTES && now - recordedAt >= PROGRESS_EVERY_NANOS) {
                record(bytes, now);
            }
        }

        void force(long bytes) {
            record(bytes, System.nanoTime());
        }

        private void record(long bytes, long now) {
            recorded = bytes;
            recordedAt = now;
            if (!QuarkusTransaction.requiringNew().call(() -> record.test(bytes))) {
                throw new LeaseLost(claim.jobId(), claim.attempt(), "taken over while " + during);
            }
        }
    }

    /** The importer's progress on the job; the end of its rows is recorded at once. */
    private ImportProgress recordedProgress(ImportClaim.Taken claim) {
        var progress = new ThrottledRecord(claim, "importing", bytes ->
                jobs.recordProgress(claim.jobId(), claim.attempt(), bytes, clock.instant()));
        return new ImportProgress() {
            @Override
            public void read(long bytesRead) {
                progress.offer(bytesRead);
            }

            @Override
            public void rowsRead(long bytesRead) {
                progress.force(bytesRead);
            }
        };
    }

    /**
     * Counts and hashes the object as it is downloaded; each MiB (at most once a second) renews the attempt's lease
     * (the importer's own reading of the file is its progress, {@link #recordedProgress}).
     */
    private final class TrackedStream extends DigestInputStream {
        private final ThrottledRecord heartbeat;
        private long bytes;

        TrackedStream(InputStream in, ImportClaim.Taken claim) {
            super(in, sha256Digest());
            this.heartbeat = new ThrottledRecord(claim, "downloading", downloaded ->
                    jobs.recordHeartbeat(claim.jobId(), claim.attempt(), clock.instant()));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        private void advance(long n) {
            bytes += n;
            heartbeat.offer(bytes);
        }

        String sha256() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }

        private static MessageDigest sha256Digest() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
