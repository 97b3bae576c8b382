package io.loadout.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.functions.jobs.JobsFunction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Cloud Scheduler, locally: each configured schedule publishes {@code {"job": name}} to the jobs function on
 * its cron, exactly as the Cloud Scheduler → Pub/Sub → jobs path does in the cloud.
 */
@ApplicationScoped
public class LocalScheduler {

    static final String JOBS_TOPIC = "loadout-jobs";
    private static final Logger LOG = Logger.getLogger(LocalScheduler.class);

    private final Scheduler scheduler;
    private final Map<String, String> schedules;
    private final ObjectMapper json;

    private final JobsFunction jobs;

    private final List<String> jobsAtStart;

    LocalScheduler(Scheduler scheduler, LocalConfig.Schedules schedules, LocalConfig config, ObjectMapper json,
                   JobsFunction jobs) {
        this.jobs = jobs;
        this.jobsAtStart = config.jobsAtStart();
        this.scheduler = scheduler;
        this.schedules = new TreeMap<>(schedules.all());
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        schedules.forEach((job, cron) -> scheduler.newJob("schedule:" + job)
                .setCron(cron)
                .setTask(execution -> fire(job))
                .schedule());
        var atStart = new Thread(() -> jobsAtStart.forEach(this::fire), "jobs-at-start"); // keeps the start fast
        atStart.setDaemon(true);
        atStart.start();
    }

    Map<String, String> schedules() {
        return schedules;
    }

    /** One tick of a schedule. */
    public void fire(String job) {
        byte[] data = ("{\"job\":\"" + job + "\"}").getBytes(StandardCharsets.UTF_8);
        try {
            LocalFunctions.invoke(jobs, f -> f.runJob(
                    LocalCloudEvents.pubSubPublished(JOBS_TOPIC, UUID.randomUUID().toString(), data, Map.of(), json)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "schedule %s could not run", job);
        }
    }
}
