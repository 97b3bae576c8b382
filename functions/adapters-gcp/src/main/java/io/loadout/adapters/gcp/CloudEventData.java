package io.loadout.adapters.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;

/** Reads the JSON data of a CloudEvent into a payload record, checking the event type first. */
public final class CloudEventData {

    private CloudEventData() {
    }

    public static <T> T read(CloudEvent event, String expectedType, Class<T> type, ObjectMapper json) {
        if (!expectedType.equals(event.getType())) {
            throw new IllegalArgumentException("expected a " + expectedType + " event, got " + event.getType());
        }
        if (event.getData() == null) {
            throw new IllegalArgumentException("event " + event.getId() + " carries no data");
        }
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("event " + event.getId() + " data is not a " + type.getSimpleName(), e);
        }
    }
}
