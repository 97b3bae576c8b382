package io.loadout.jobs;

import io.loadout.event.Outbox;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs one named job per trigger and records the run. A job's failure is caught, recorded and announced
 * ({@code job.failed}); it never escapes to affect the caller or any other job. A redelivered trigger is a no-op.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final Map<String, Job> jobs;
    private final JobRunRepository runs;
    private final Outbox outbox;
    private final Clock clock;

    JobRunner(Instance<Job> jobs, JobRunRepository runs, Outbox outbox, Clock clock) {
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::name, Function.identity(), (a, b) -> {
            throw new IllegalStateException("two jobs named " + a.name());
        }, TreeMap::new));
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the finished run, or empty if this trigger was already handled. */
    public Optional<JobRun> run(String jobName, String triggerId) {
        var runId = QuarkusTransaction.requiringNew().call(() -> runs.start(jobName, triggerId, clock.instant()));
        if (runId.isEmpty()) {
            LOG.infof("job %s trigger %s already handled", jobName, triggerId);
            return Optional.empty();
        }
        Job.JobOutcome outcome = null;
        Throwable failure = null;
        try {
            var job = jobs.get(jobName);
            if (job == null) {
                throw new UnknownJobException(jobName, names());
            }
            outcome = job.run();
        } catch (Exception | LinkageError e) {
            failure = e;
            LOG.errorf(e, "job %s (run %d) failed", jobName, runId.get());
        }
        var result = outcome;
        var error = failure;
        return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
            JobRun run = runs.findById(runId.get());
            JobFailed failed = run.finish(result, error, clock.instant());
            if (failed != null) {
                outbox.append(failed);
            }
            return run;
        }));
    }

    public List<String> names() {
        return List.copyOf(jobs.keySet());
    }

    @Transactional
    public Page<JobRun> history(String job, PageRequest page) {
        return runs.page(job, page);
    }

    static final class UnknownJobException extends IllegalArgumentException {
        UnknownJobException(String name, List<String> known) {
            super("unknown job '" + name + "'; known jobs: " + known);
        }
    }
}
