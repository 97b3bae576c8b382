package io.loadout.event;

/**
 * Port: hands an event to the message transport (Pub/Sub in the cloud, an in-process relay locally).
 * Returns once the transport has accepted it; throws if it did not. Delivery is at least once.
 */
public interface EventPublisher {

    void publish(EventEnvelope event) throws Exception;
}
