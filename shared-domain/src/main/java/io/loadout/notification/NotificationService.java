package io.loadout.notification;

import io.loadout.alert.AlertService;
import io.loadout.event.EventEnvelope;
import io.loadout.event.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Turns events into mails and dashboard alerts, once per event (and once per open key while its alert is open). The mail is sent last, inside the transaction:
 * if it fails, nothing is marked and the transport redelivers; only a crash between send and commit can repeat it.
 */
@ApplicationScoped
public class NotificationService {

    static final String CONSUMER = "notifier";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final Map<String, List<NotificationPolicy>> policies;
    private final ProcessedEvents processed;
    private final AlertService alerts;
    private final MailSender mail;

    NotificationService(Instance<NotificationPolicy> policies, ProcessedEvents processed, AlertService alerts,
                        MailSender mail) {
        this.policies = policies.stream().collect(Collectors.groupingBy(NotificationPolicy::eventType));
        this.processed = processed;
        this.alerts = alerts;
        this.mail = mail;
    }

    /** Returns false when the event was already handled (a duplicate delivery). */
    @Transactional
    public boolean handle(EventEnvelope event) {
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("event %s already notified", event.id());
            return false;
        }
        var notifications = policies.getOrDefault(event.type(), List.of()).stream()
                .flatMap(policy -> policy.notificationFor(event).stream())
                .toList();
        for (var n : notifications) {
            boolean raised = n.alert() == null || alerts.raise(n.alert(), event.id());
            // a condition already open under the same key was told already: no second mail either
            boolean repeat = !raised && n.alert().openKey() != null;
            if (n.mail() != null && !repeat) {
                mail.send(n.mail());
            }
        }
        return true;
    }
}
