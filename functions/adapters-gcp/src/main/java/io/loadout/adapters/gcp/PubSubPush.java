package io.loadout.adapters.gcp;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
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

        public byte[] decodedData() {
            return data == null ? new byte[0] : Base64.getDecoder().decode(data);
        }
    }
}
