package io.loadout.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.functions.jobs.JobsFunction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
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

    LocalScheduler(Scheduler scheduler, LocalConfig.Schedules schedules, ObjectMapper json, JobsFunction jobs) {
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.schedules = new TreeMap<>(schedules.all());
        this.json = json;
    }

    void start(@Observes StartupEvent startup) {
        schedules.forEach((job, cron) -> scheduler.newJob("schedule:" + job)
                .setCron(cron)
                .setTask(execution -> fire(job))
                .schedule());
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
