package io.loadout.notification;

import io.loadout.alert.AlertDraft;
import io.loadout.alert.AlertSeverity;
import io.loadout.event.EventEnvelope;
import io.loadout.jobs.JobFailed;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every failed scheduled job reaches the operator: a critical alert and a mail. */
@ApplicationScoped
public class JobFailedPolicy implements NotificationPolicy {

    private final NotifyConfig config;

    JobFailedPolicy(NotifyConfig config) {
        this.config = config;
    }

    @Override
    public String eventType() {
        return JobFailed.TYPE;
    }

    @Override
    public Optional<Notification> notificationFor(EventEnvelope event) {
        String job = event.payload().path("job").asText();
        String error = event.payload().path("error").asText();
        long runId = event.payload().path("runId").asLong();
        String title = "Job failed: " + job;
        var mail = new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "job-failed",
                Map.of("job", job, "runId", runId, "error", error));
        return Optional.of(new Notification(mail, new AlertDraft(null, AlertSeverity.CRITICAL, "job.failed", title,
                "run " + runId + ": " + error)));
    }
}
