package io.loadout.event;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;

/** An event as it travels: identity and metadata around the JSON payload. The same shape in the cloud and locally. */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, Long accountId, JsonNode payload) {

    /** The payload as its event record; a payload that does not fit is a malformed event. */
    public <T extends DomainEvent> T payloadAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed " + this.type + " payload in event " + id, e);
        }
    }
}
