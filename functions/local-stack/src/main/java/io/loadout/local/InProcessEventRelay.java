package io.loadout.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.event.EventEnvelope;
import io.loadout.event.EventPublisher;
import io.loadout.functions.notifier.NotifierFunction;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Pub/Sub in one process: accepting an event queues it; a worker delivers it to every function subscribed to
 * the events topic as the same messagePublished CloudEvent, retrying with backoff like a push subscription.
 */
@Alternative
@Priority(10)
@ApplicationScoped
public class InProcessEventRelay implements EventPublisher {

    static final String EVENTS_TOPIC = "loadout-events";
    private static final Logger LOG = Logger.getLogger(InProcessEventRelay.class);

    private final ObjectMapper json;
    private final LocalConfig config;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> new Thread(r, "event-relay"));

    private final NotifierFunction notifier;

    InProcessEventRelay(ObjectMapper json, LocalConfig config, NotifierFunction notifier) {
        this.notifier = notifier;
        this.json = json;
        this.config = config;
    }

    @Override
    public void publish(EventEnvelope event) throws Exception {
        byte[] data = json.writeValueAsBytes(event);
        Map<String, String> attributes = Map.of("id", event.id().toString(), "type", event.type(),
                "version", String.valueOf(event.version()), "occurredAt", event.occurredAt().toString(),
                "account", event.accountId() == null ? "" : event.accountId().toString());
        String messageId = UUID.randomUUID().toString();
        workers.submit(() -> deliver(event, messageId, data, attributes));
    }

    private void deliver(EventEnvelope event, String messageId, byte[] data, Map<String, String> attributes) {
        long backoffMillis = 500;
        for (int attempt = 1; attempt <= config.deliveryAttempts(); attempt++) {
            try {
                LocalFunctions.invoke(notifier,
                        f -> f.notify(LocalCloudEvents.pubSubPublished(EVENTS_TOPIC, messageId, data, attributes, json)));
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "delivery %d of event %s (%s) to notifier failed", attempt, event.id(), event.type());
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMillis *= 2;
        }
        LOG.errorf("event %s (%s) dead-lettered after %d attempts", event.id(), event.type(), config.deliveryAttempts());
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }
}
