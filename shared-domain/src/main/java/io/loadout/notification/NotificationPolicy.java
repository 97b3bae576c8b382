package io.loadout.notification;

import io.loadout.event.EventEnvelope;
import java.util.Optional;

/** A named rule deciding whether, and how, an event of one type is notified. One CDI bean per rule. */
public interface NotificationPolicy {

    String eventType();

    Optional<Notification> notificationFor(EventEnvelope event);
}
