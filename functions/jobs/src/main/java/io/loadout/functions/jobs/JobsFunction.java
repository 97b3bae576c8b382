package io.loadout.functions.jobs;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.loadout.adapters.gcp.CloudEventData;
import io.loadout.adapters.gcp.CloudEventFunction;
import io.loadout.adapters.gcp.PubSubPush;
import io.loadout.jobs.JobRunner;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * A Cloud Scheduler tick (via Pub/Sub) → {@link JobRunner}. The Pub/Sub message id identifies the tick, so a
 * redelivered message does not run the job twice. Job failures are recorded, never thrown back.
 */
@Singleton // stateless; a declared scope also makes it a bean where no Funqy binding is present (local stack)
public class JobsFunction implements CloudEventFunction {

    private static final Logger LOG = Logger.getLogger(JobsFunction.class);

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
    public record JobTrigger(String job) {
    }

    @Inject
    JobRunner runner;
    @Inject
    ObjectMapper json;

    @Override
    public void accept(CloudEvent event) {
        runJob(event);
    }

    @Funq
    public void runJob(CloudEvent event) {
        PubSubPush push;
        JobTrigger trigger;
        try {
            push = CloudEventData.read(event, PubSubPush.MESSAGE_PUBLISHED, PubSubPush.class, json);
            trigger = push.message().dataAs(JobTrigger.class, json);
        } catch (IllegalArgumentException e) {
            LOG.errorf(e, "dropping undecodable job trigger %s", event.getId());
            return;
        }
        if (trigger.job() == null || trigger.job().isBlank()) {
            LOG.errorf("dropping job trigger %s without a job name", event.getId());
            return;
        }
        runner.run(trigger.job(), push.message().messageId()).ifPresent(run ->
                LOG.infof("job %s run %d: %s in %d ms", run.job(), run.id(), run.status(), run.durationMs()));
    }
}
