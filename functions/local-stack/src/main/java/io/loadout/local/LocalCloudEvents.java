package io.loadout.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.loadout.adapters.gcp.PubSubPush;
import io.loadout.adapters.gcp.StorageObjectData;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Builds the same CloudEvents Eventarc delivers in the cloud, so the functions run unchanged. */
final class LocalCloudEvents {

    private LocalCloudEvents() {
    }

    static CloudEvent storageFinalized(StorageObjectData object, ObjectMapper json) {
        return event(StorageObjectData.FINALIZED, "//storage.googleapis.com/projects/_/buckets/" + object.bucket(),
                "objects/" + object.name(), object, json);
    }

    static CloudEvent pubSubPublished(String topic, String messageId, byte[] data, Map<String, String> attributes,
                                      ObjectMapper json) {
        var push = new PubSubPush(new PubSubPush.Message(Base64.getEncoder().encodeToString(data), attributes, messageId,
                Instant.now().toString()), "projects/local/subscriptions/" + topic + "-local");
        return event(PubSubPush.MESSAGE_PUBLISHED, "//pubsub.googleapis.com/projects/local/topics/" + topic, null, push,
                json);
    }

    private static CloudEvent event(String type, String source, String subject, Object data, ObjectMapper json) {
        try {
            return CloudEventBuilder.v1()
                    .withId(UUID.randomUUID().toString())
                    .withType(type)
                    .withSource(URI.create(source))
                    .withSubject(subject)
                    .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                    .withDataContentType("application/json")
                    .withData(json.writeValueAsBytes(data))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
