package io.loadout.imports;

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

/**
 * A failed or partial import tells the operator by mail and on the dashboard; a clean one stays quiet. A dry run
 * always answers by mail (the operator asked what the file would do) and raises no alert: nothing happened.
 */
@Singleton
public class ImportFinishedPolicy extends TypedPolicy<ImportFinished> {

    ImportFinishedPolicy(ObjectMapper json, NotifyConfig config) {
        super(json, config, ImportFinished.class, ImportFinished.TYPE);
    }

    @Override
    protected Optional<Notification> notificationFor(ImportFinished finished) {
        if (finished.status() == ImportStatus.SUCCEEDED && !finished.dryRun()) {
            return Optional.empty();
        }
        var severity = finished.status() == ImportStatus.FAILED ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        String title = (finished.dryRun() ? "Dry run " : "Import ") + finished.status().name().toLowerCase() + ": "
                + finished.objectName();
        String rows = finished.rowsTotal() == 0 ? "" : finished.rowsFailed() + " of " + finished.rowsTotal() + " rows refused. ";
        String detail = rows + finished.summary()
                + (finished.errorsObject() == null ? "" : " Errors file: " + finished.errorsObject());
        var mail = new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "import-finished",
                Map.of("job", finished));
        if (finished.dryRun()) {
            return Optional.of(new Notification(mail, null));
        }
        return Optional.of(new Notification(mail,
                new AlertDraft(null, severity, "import." + finished.status().name().toLowerCase(), title, detail)));
    }
}
