package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A valid-looking value for a schema of the document: every property filled, constraints met where the schema
 * says how (enum, pattern, minimum, minLength), ids and references taken from the seeded data by field name.
 */
final class SampleBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private final OpenApiOperations api;
    private final Function<String, Optional<JsonNode>> hints;
    private final String tag;

    /** @param hints a value for a field name ({@code clientId} → a seeded client), or empty for a generated one */
    SampleBodies(OpenApiOperations api, Function<String, Optional<JsonNode>> hints, String tag) {
        this.api = api;
        this.hints = hints;
        this.tag = tag;
    }

    JsonNode sample(JsonNode schema) {
        return sample("", schema, 0);
    }

    private JsonNode sample(String field, JsonNode rawSchema, int depth) {
        Optional<JsonNode> hint = hints.apply(field);
        if (hint.isPresent()) {
            return hint.get().deepCopy();
        }
        JsonNode schema = api.resolve(rawSchema);
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    schema.path("properties").fields().forEachRemaining(p ->
                            object.set(p.getKey(), sample(p.getKey(), p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(field, schema.path("items"), depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" -> NODES.numberNode(new BigDecimal("10.5")); // one decimal: money and centimetres alike
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text(field, schema));
        };
    }

    private String text(String field, JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) { // later fields later: validTo after validFrom
            return Instant.now().plus(7, ChronoUnit.DAYS).plus(UNIQUE.incrementAndGet(), ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (format.equals("date")) {
            return LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
        }
        int n = UNIQUE.incrementAndGet();
        String text = field.toLowerCase().contains("email") ? tag + "-" + n + "@example.com" : tag + " " + field + " " + n;
        String pattern = schema.path("pattern").asText("");
        // @NotBlank renders as the search pattern \S, not as a full match
        if (!pattern.isEmpty() && !pattern.equals("\\S") && !pattern.equals(".*\\S.*")) {
            text = PatternSample.of(pattern);
        }
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Field-name hints from a plain map. */
    static Function<String, Optional<JsonNode>> hints(Map<String, JsonNode> byField) {
        return field -> Optional.ofNullable(byField.get(field));
    }
}
