package io.loadout.imports;

import io.loadout.event.Outbox;
import io.loadout.imports.table.Limits;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns files that land in the bucket into import jobs. Safe under at-least-once, out-of-order delivery: the
 * object name + generation is the job's identity, and only one attempt at a time holds the job. An attempt that
 * died (its lease lapsed) is taken over by the next delivery or the {@code import-sweep} job, at most
 * {@code max-attempts} times; then the job fails and says so.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    @ConfigMapping(prefix = "loadout.imports")
    public interface ImportsConfig {
        /** How long an unfinished job may show no sign of life (claim, progress) before it is taken over. */
        @WithDefault("PT10M")
        Duration lease();

        /** Attempts a job gets; when the last one is interrupted too, the job fails (alert + mail). */
        @WithDefault("3")
        int maxAttempts();

        /**
         * Set only where a single process runs imports on this database, to the instant it started (the local
         * stack on its embedded database): a heartbeat from before then is from a dead process, so its job is
         * taken over at once instead of after a lease.
         */
        Optional<Instant> soleWorkerSince();

        /** Data rows one file may hold; a CSV file with more is refused before any row is read. */
        @WithDefault("" + Limits.DEFAULT_MAX_ROWS)
        long maxRows();

        /** Megabytes one file may hold; a larger file is refused as it is sniffed. */
        @WithDefault("" + Limits.DEFAULT_MAX_MEGABYTES)
        long maxMegabytes();

        /** Jobs the sweep takes over per run (each is imported inline). */
        @WithDefault("20")
        int sweepBatch();
    }

    public enum Outcome { IGNORED, DUPLICATE, PROCESSED, GAVE_UP }

    /** What one sweep did: jobs found abandoned, and how many were imported, given up, or taken meanwhile. */
    public record Sweep(int found, int processed, int gaveUp, int alreadyTaken) {
    }

    private final ImportJobRepository jobs;
    private final ImportAttempts attempts;
    private final Outbox outbox;
    private final Clock clock;
    private final ImportsConfig config;

    ImportService(ImportJobRepository jobs, ImportAttempts attempts, Outbox outbox, Clock clock, ImportsConfig config) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public Outcome onObjectFinalized(StoredObject object) {
        var path = ImportPath.parse(object.name());
        if (path.isEmpty()) {
            return Outcome.IGNORED;
        }
        long jobId = QuarkusTransaction.requiringNew().call(() -> jobs.register(object, path.get().kind(), clock.instant()));
        return attempt(jobId);
    }

    /** The {@code import-sweep} job: takes over unfinished jobs nobody has shown life on within the lease. */
    public Sweep takeOverAbandoned() {
        var ids = QuarkusTransaction.requiringNew().call(() -> jobs.abandoned(staleBefore(clock.instant()),
                config.sweepBatch()));
        var outcomes = ids.stream().map(this::attempt).toList();
        if (!ids.isEmpty()) {
            LOG.infof("import sweep: took over abandoned jobs %s: %s", ids, outcomes);
        }
        return new Sweep(ids.size(), count(outcomes, Outcome.PROCESSED), count(outcomes, Outcome.GAVE_UP),
                count(outcomes, Outcome.DUPLICATE));
    }

    private Outcome attempt(long jobId) {
        var now = clock.instant();
        ImportClaim claim = QuarkusTransaction.requiringNew().call(() -> {
            var result = jobs.lock(jobId).claim(now, staleBefore(now), config.maxAttempts());
            if (result instanceof ImportClaim.GaveUp gaveUp) {
                outbox.append(gaveUp.event());
            }
            return result;
        });
        if (claim instanceof ImportClaim.Taken taken) {
            return attempts.run(taken) ? Outcome.PROCESSED : Outcome.DUPLICATE;
        }
        if (claim instanceof ImportClaim.GaveUp gaveUp) {
            LOG.warnf("import job %d failed: %s", jobId, gaveUp.event().summary());
            return Outcome.GAVE_UP;
        }
        LOG.infof("import job %d not claimed (%s); delivery ignored", jobId, claim);
        return Outcome.DUPLICATE;
    }

    /** Heartbeats before this instant are from attempts presumed dead. */
    Instant staleBefore(Instant now) {
        Instant byLease = now.minus(config.lease());
        return config.soleWorkerSince().filter(since -> since.isAfter(byLease)).orElse(byLease);
    }

    private static int count(List<Outcome> outcomes, Outcome wanted) {
        return (int) outcomes.stream().filter(wanted::equals).count();
    }

    public List<String> knownKinds() {
        return attempts.knownKinds();
    }

    @Transactional
    public Page<ImportJob> list(ImportStatus status, String kind, PageRequest page) {
        return jobs.page(status, kind, page);
    }

    @Transactional
    public ImportJob get(long id) {
        return jobs.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("import job", id));
    }
}
