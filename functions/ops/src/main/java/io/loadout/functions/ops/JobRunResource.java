package io.loadout.functions.ops;

import io.loadout.adapters.http.Roles;
import io.loadout.jobs.JobRun;
import io.loadout.jobs.JobRunStatus;
import io.loadout.jobs.JobRunner;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/** The log of scheduled job runs. */
@Path("/api/ops/job-runs")
@RolesAllowed(Roles.ADMIN)
public class JobRunResource {

    public record JobRunView(long id, String job, String triggerId, JobRunStatus status, Instant startedAt,
                             Instant finishedAt, Long durationMs, Integer itemsProcessed, String detail, String error) {
        static JobRunView of(JobRun r) {
            return new JobRunView(r.id(), r.job(), r.triggerId(), r.status(), r.startedAt(), r.finishedAt(),
                    r.durationMs(), r.itemsProcessed(), r.detail(), r.error());
        }
    }

    private final JobRunner runner;

    JobRunResource(JobRunner runner) {
        this.runner = runner;
    }

    @GET
    public Page<JobRunView> list(@QueryParam("job") String job, @QueryParam("before") Long before,
                                 @QueryParam("limit") Integer limit) {
        return runner.history(job, PageRequest.of(before, limit)).map(JobRunView::of);
    }
}
