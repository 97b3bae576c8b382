package io.loadout.adapters.gcp;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

/** The data of a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent (MessagePublishedData). */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record PubSubPush(Message message, String subscription) {

    public static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    @JsonIgnoreProperties(ignoreUnknown = true)
    @RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
    public record Message(String data, Map<String, String> attributes, String messageId, String publishTime) {

        /** The message data (base64 in the event) read as JSON; IllegalArgumentException when it is not a {@code type}. */
        public <T> T dataAs(Class<T> type, ObjectMapper json) {
            if (data == null) {
                throw new IllegalArgumentException("message " + messageId + " carries no data");
            }
            try {
                return json.readValue(Base64.getDecoder().decode(data), type);
            } catch (IOException e) {
                throw new IllegalArgumentException("message " + messageId + " data is not a " + type.getSimpleName(), e);
            }
        }
    }
}
