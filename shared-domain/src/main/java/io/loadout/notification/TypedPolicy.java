package io.loadout.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.event.DomainEvent;
import io.loadout.event.EventEnvelope;
import java.util.Optional;

/** A policy for one event type that reads the event's payload as its record and decides from that. */
public abstract class TypedPolicy<E extends DomainEvent> implements NotificationPolicy {

    protected final NotifyConfig config;
    private final ObjectMapper json;
    private final Class<E> type;
    private final String eventType;

    protected TypedPolicy(ObjectMapper json, NotifyConfig config, Class<E> type, String eventType) {
        this.json = json;
        this.config = config;
        this.type = type;
        this.eventType = eventType;
    }

    @Override
    public String eventType() {
        return eventType;
    }

    @Override
    public Optional<Notification> notificationFor(EventEnvelope event) {
        return notificationFor(event.payloadAs(type, json));
    }

    protected abstract Optional<Notification> notificationFor(E event);
}
