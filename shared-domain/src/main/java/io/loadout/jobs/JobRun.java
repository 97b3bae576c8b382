package io.loadout.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** The record of one run of a job: when, how long, how much, and how it ended. */
@Entity
@Table(name = "job_run")
public class JobRun {

    @Id
    private Long id;

    private String job;

    @Column(name = "trigger_id")
    private String triggerId;

    @Enumerated(EnumType.STRING)
    private JobRunStatus status;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "items_processed")
    private Integer itemsProcessed;

    private String detail;

    private String error;

    protected JobRun() {
    }

    JobFailed finish(Job.JobOutcome outcome, Throwable failure, Instant now) {
        finishedAt = now;
        durationMs = Duration.between(startedAt, now).toMillis();
        if (failure == null) {
            status = JobRunStatus.SUCCEEDED;
            itemsProcessed = outcome.itemsProcessed();
            detail = outcome.detail();
            return null;
        }
        status = JobRunStatus.FAILED;
        error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return new JobFailed(job, id, error);
    }

    public Long id() {
        return id;
    }

    public String job() {
        return job;
    }

    public String triggerId() {
        return triggerId;
    }

    public JobRunStatus status() {
        return status;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Long durationMs() {
        return durationMs;
    }

    public Integer itemsProcessed() {
        return itemsProcessed;
    }

    public String detail() {
        return detail;
    }

    public String error() {
        return error;
    }
}
