package io.loadout.imports;

import io.loadout.event.Outbox;
import io.loadout.shared.Csv;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.storage.BlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns files that land in the bucket into import jobs. Safe under at-least-once, out-of-order delivery: the
 * object name + generation is the job's identity, and only one delivery at a time may claim the job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final long PROGRESS_EVERY_BYTES = 1 << 20;

    @ConfigMapping(prefix = "loadout.imports")
    public interface ImportsConfig {
        /** How long a PROCESSING job is left alone before a redelivery may take it over. */
        @WithDefault("PT10M")
        Duration lease();
    }

    public enum Outcome { IGNORED, DUPLICATE, PROCESSED }

    private final ImportJobRepository jobs;
    private final Map<String, Importer> importers;
    private final BlobStore blobs;
    private final Outbox outbox;
    private final Clock clock;
    private final ImportsConfig config;

    ImportService(ImportJobRepository jobs, Instance<Importer> importers, BlobStore blobs, Outbox outbox, Clock clock,
                  ImportsConfig config) {
        this.jobs = jobs;
        this.importers = importers.stream().collect(Collectors.toMap(Importer::kind, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two importers for kind " + a.kind());
        }, TreeMap::new));
        this.blobs = blobs;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public Outcome onObjectFinalized(StoredObject object) {
        var path = ImportPath.parse(object.name());
        if (path.isEmpty()) {
            return Outcome.IGNORED;
        }
        var now = clock.instant();
        long jobId = QuarkusTransaction.requiringNew().call(() -> jobs.register(object, path.get().kind(), now));
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> jobs.claim(jobId, now, now.minus(config.lease())));
        if (!claimed) {
            LOG.infof("import job %d for %s#%d already taken; delivery ignored", jobId, object.name(), object.generation());
            return Outcome.DUPLICATE;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> process(jobId, path.get()));
        } catch (ImportRejected rejected) {
            QuarkusTransaction.requiringNew().run(() -> finish(jobId, path.get(), rejected.result(), null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import job %d failed", jobId);
            var failure = ImportResult.rejected(new RowError(0, null, "import failed: " + rootMessage(e)));
            QuarkusTransaction.requiringNew().run(() -> finish(jobId, path.get(), failure, null));
        }
        return Outcome.PROCESSED;
    }

    private void process(long jobId, ImportPath path) {
        var importer = importers.get(path.kind());
        try (var content = new TrackedStream(blobs.open(path.objectName()), jobId)) {
            ImportResult result;
            if (importer == null) {
                content.transferTo(OutputStream.nullOutputStream());
                result = ImportResult.rejected(new RowError(0, "kind", "unknown import kind '" + path.kind() + "'; "
                        + (importers.isEmpty() ? "no import kinds are installed yet"
                        : "put files under imports/<kind>/ with kind one of " + knownKinds())));
            } else {
                result = importer.apply(content, new Importer.ImportContext(jobId, path.objectName()));
                content.transferTo(OutputStream.nullOutputStream());
            }
            finish(jobId, path, result, content.sha256());
        } catch (IOException e) {
            throw new ImportIoException(e);
        }
    }

    private void finish(long jobId, ImportPath path, ImportResult result, String checksum) {
        String errorsObject = result.errors().isEmpty() ? null : writeErrors(path, result.errors());
        var job = jobs.findById(jobId);
        outbox.append(job.finish(result, checksum, errorsObject, clock.instant()));
    }

    private String writeErrors(ImportPath path, List<RowError> errors) {
        var csv = new StringBuilder(Csv.line(List.of("row", "field", "message")));
        errors.forEach(e -> csv.append(Csv.line(List.of(e.row(), e.field() == null ? "" : e.field(), e.message()))));
        try {
            blobs.write(path.errorsObject(), csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
        } catch (IOException e) {
            throw new ImportIoException(e);
        }
        return path.errorsObject();
    }

    public List<String> knownKinds() {
        return List.copyOf(importers.keySet());
    }

    @Transactional
    public Page<ImportJob> list(ImportStatus status, String kind, PageRequest page) {
        return jobs.page(status, kind, page);
    }

    @Transactional
    public ImportJob get(long id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("import job", id));
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static final class ImportIoException extends RuntimeException {
        ImportIoException(IOException cause) {
            super(cause);
        }
    }

    /** Counts and hashes what the importer reads, and records progress on the job as it goes. */
    private final class TrackedStream extends DigestInputStream {
        private final long jobId;
        private long bytes;
        private long reportedAt;

        TrackedStream(InputStream in, long jobId) {
            super(in, sha256Digest());
            this.jobId = jobId;
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
            if (bytes - reportedAt >= PROGRESS_EVERY_BYTES) {
                reportedAt = bytes;
                long read = bytes;
                QuarkusTransaction.requiringNew().run(() -> jobs.recordProgress(jobId, read));
            }
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
