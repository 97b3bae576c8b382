package io.loadout.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.alert.AlertDraft;
import io.loadout.alert.AlertSeverity;
import io.loadout.notification.Notification;
import io.loadout.notification.NotifyConfig;
import io.loadout.notification.OutgoingMail;
import io.loadout.notification.TypedPolicy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every failed scheduled job reaches the operator: a critical alert and a mail. */
@Singleton
public class JobFailedPolicy extends TypedPolicy<JobFailed> {

    JobFailedPolicy(ObjectMapper json, NotifyConfig config) {
        super(json, config, JobFailed.class, JobFailed.TYPE);
    }

    @Override
    protected Optional<Notification> notificationFor(JobFailed failed) {
        String title = "Job failed: " + failed.job();
        var mail = new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "job-failed",
                Map.of("job", failed.job(), "runId", failed.runId(), "error", failed.error()));
        return Optional.of(new Notification(mail, new AlertDraft(null, AlertSeverity.CRITICAL, "job.failed", title,
                "run " + failed.runId() + ": " + failed.error())));
    }
}
