package io.loadout.adapters.gcp;

import io.cloudevents.CloudEvent;

/**
 * An event function, whatever delivers its events: the Cloud Functions runtime (through its {@code @Funq} method),
 * the Cloud Run receiver, or the local stack.
 */
public interface CloudEventFunction {

    void accept(CloudEvent event);
}
