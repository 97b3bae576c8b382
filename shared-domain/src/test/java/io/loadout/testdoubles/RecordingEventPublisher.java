package io.loadout.testdoubles;

import io.loadout.event.EventEnvelope;
import io.loadout.event.EventPublisher;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double of the transport port: records what was published; can be told to refuse. */
@Singleton
public class RecordingEventPublisher implements EventPublisher {

    public final List<EventEnvelope> published = new CopyOnWriteArrayList<>();
    public volatile boolean down;

    @Override
    public void publish(EventEnvelope event) {
        if (down) {
            throw new IllegalStateException("transport down");
        }
        published.add(event);
    }

    public List<EventEnvelope> ofType(String type) {
        return published.stream().filter(e -> e.type().equals(type)).toList();
    }
}
