package io.loadout.functions.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.loadout.adapters.gcp.CloudEventData;
import io.loadout.adapters.gcp.CloudEventFunction;
import io.loadout.adapters.gcp.PubSubPush;
import io.loadout.event.EventEnvelope;
import io.loadout.notification.NotificationService;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** A domain event from the events topic → {@link NotificationService} (mails and alerts, once per event id). */
@Singleton // stateless; a declared scope also makes it a bean where no Funqy binding is present (local stack)
public class NotifierFunction implements CloudEventFunction {

    private static final Logger LOG = Logger.getLogger(NotifierFunction.class);

    @Inject
    NotificationService notifications;
    @Inject
    ObjectMapper json;

    @Override
    public void accept(CloudEvent event) {
        notify(event);
    }

    @Funq
    public void notify(CloudEvent event) {
        EventEnvelope envelope;
        try {
            envelope = CloudEventData.read(event, PubSubPush.MESSAGE_PUBLISHED, PubSubPush.class, json).message()
                    .dataAs(EventEnvelope.class, json);
        } catch (IllegalArgumentException e) {
            LOG.errorf(e, "dropping undecodable event %s", event.getId());
            return;
        }
        if (envelope.id() == null || envelope.type() == null) {
            LOG.errorf("dropping event %s: envelope without id or type", event.getId());
            return;
        }
        boolean handled = notifications.handle(envelope);
        LOG.infof("event %s (%s): %s", envelope.id(), envelope.type(), handled ? "notified" : "duplicate, skipped");
    }
}
