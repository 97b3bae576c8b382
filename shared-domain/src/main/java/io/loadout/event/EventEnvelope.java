package io.loadout.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** An event as it travels: identity and metadata around the JSON payload. The same shape in the cloud and locally. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, Long accountId, JsonNode payload) {
}
