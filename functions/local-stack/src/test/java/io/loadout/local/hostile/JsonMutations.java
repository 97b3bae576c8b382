package io.loadout.local.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile JSON: for every field of a sample body (nested objects and the first element of arrays included) the
 * body with that field replaced by each bad value of its type, or removed; and bodies of the wrong shape as a whole.
 * Values are raw JSON text, because {@code 1e400}, {@code 9223372036854775808} or a lone surrogate {@code "\ud800"}
 * cannot pass through a JSON library unchanged.
 */
final class JsonMutations {

    /** A mutated body: what was done, to which field path (Jackson style: {@code items[0].qty}), the raw JSON. */
    record Variant(String mutation, String field, String json, boolean mustRefuse) {
    }

    static final String TEN_K = "x".repeat(10_000);
    private static final String HOLE = "\u0001mutation\u0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> ANY = List.of("null", "[]", "{}", "[null]", "\"x\"", "1", "true");
    static final List<String> INTEGER = List.of("1.999", "1.5", "-1", "0", "1e400", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "\"1\"", "\"abc\"", "\"\\u0000\"");
    /** Values an integer field must refuse: accepting one truncates or wraps it (1.999 → 1). */
    static final List<String> NOT_AN_INTEGER = List.of("1.999", "1.5", "1e400", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999");
    static final List<String> NUMBER = List.of("1e400", "-1e400", "1e-400", "9223372036854775808", "-0.001",
            "123456789012345678901234567890.123", "\"NaN\"", "\"abc\"", "\"\\u0000\"");
    static final List<String> STRING = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udfff\"",
            "\"x\\ud800y\"", "\"" + TEN_K + "\"", "\"\"", "\" \"", "\"\\n\\t\"", "[\"x\"]", "{\"x\":1}");
    /** Not valid Unicode: stored, it can only come back altered (a '?'); it must be refused. */
    static final List<String> LONE_SURROGATES = List.of("\"\\ud800\"", "\"\\udfff\"", "\"x\\ud800y\"");
    static final List<String> DATE_TIME = List.of("\"+999999-01-01T00:00:00Z\"", "\"-999999-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59Z\"", "\"0000-01-01T00:00:00Z\"", "\"2026-02-30T00:00:00Z\"", "\"2026-12-01\"",
            "\"not-a-date\"", "9223372036854775807", "-9223372036854775808", "1e400", "\"\\u0000\"");
    static final List<String> DATE = List.of("\"+999999-01-01\"", "\"-999999-01-01\"", "\"9999-12-31\"",
            "\"2026-13-01\"", "\"2026-12-01T00:00:00Z\"", "99999999999", "\"\\u0000\"");
    static final List<String> ENUM = List.of("\"NOPE\"", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "5");
    static final List<String> BOOLEAN = List.of("\"yes\"", "2", "\"\\u0000\"");
    static final List<String> ARRAY = List.of("[[]]", "[\"\\u0000\"]", "[1]", "\"x\"", "{}");

    /** Valid JSON of the wrong shape for an object body: the server must say which field (or "body") is wrong. */
    static final List<String> WRONG_SHAPES = List.of("[]", "\"x\"", "1", "null", "[null]", "{}", "[{}]", "true",
            "[[]]", "1e400", "\"\\u0000\"", "\"\\ud800\"");
    /** Not JSON at all. */
    static final List<String> NOT_JSON = List.of("", " ", "{", "{\"a\":", "nul", "{'a':1}", "{\"a\":1}}",
            "\ufeff{}", "[".repeat(5000) + "]".repeat(5000), "{\"" + TEN_K + "\":1}", "{\"a\":\u0000}");

    private final OpenApiOperations api;

    JsonMutations(OpenApiOperations api) {
        this.api = api;
    }

    List<Variant> variants(JsonNode schema, JsonNode sample) {
        var out = new ArrayList<Variant>();
        walk(api.resolve(schema), sample, "", sample, out);
        if (sample.isObject()) {
            ObjectNode extra = sample.deepCopy();
            extra.put("zzUnknown", HOLE);
            out.add(new Variant("unknown field zzUnknown = \"\\u0000\"", "zzUnknown", fill(extra, "\"\\u0000\""), false));
        }
        return out;
    }

    private void walk(JsonNode schema, JsonNode node, String path, JsonNode root, List<Variant> out) {
        if (!node.isObject()) {
            return;
        }
        var required = new ArrayList<String>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(p -> {
            String name = p.getKey();
            String field = path.isEmpty() ? name : path + "." + name;
            JsonNode fieldSchema = api.resolve(p.getValue());
            for (String value : valuesFor(fieldSchema)) {
                boolean refuse = refusalRequired(fieldSchema, value);
                out.add(new Variant(field + " = " + abbreviate(value), field, replaced(root, node, name, value), refuse));
            }
            if (required.contains(name)) {
                ObjectNode copy = (ObjectNode) node;
                JsonNode kept = copy.remove(name);
                out.add(new Variant("required " + field + " missing", field, write(root), false));
                copy.set(name, kept);
            }
            JsonNode child = node.get(name);
            if (child != null && child.isObject()) {
                walk(fieldSchema, child, field, root, out);
            } else if (child != null && child.isArray() && !child.isEmpty() && child.get(0).isObject()) {
                walk(api.resolve(fieldSchema.path("items")), child.get(0), field + "[0]", root, out);
            }
            if (child != null && child.isArray() && fieldSchema.has("maxItems")
                    && fieldSchema.get("maxItems").asInt() <= 5000 && !child.isEmpty()) {
                ArrayNode tooMany = JSON.createArrayNode();
                for (int i = 0; i <= fieldSchema.get("maxItems").asInt(); i++) {
                    tooMany.add(child.get(0));
                }
                out.add(new Variant(field + " with maxItems+1 items", field, replacedNode(root, node, name, tooMany), false));
            }
        });
    }

    private static boolean refusalRequired(JsonNode schema, String value) {
        String type = schema.path("type").asText("");
        return (type.equals("integer") && NOT_AN_INTEGER.contains(value))
                || (type.equals("string") && !schema.has("enum") && LONE_SURROGATES.contains(value));
    }

    static List<String> valuesFor(JsonNode schema) {
        var values = new ArrayList<>(ANY);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        String format = schema.path("format").asText("");
        if (schema.has("enum")) {
            values.addAll(ENUM);
            values.add("\"" + schema.get("enum").get(0).asText().toLowerCase() + "\"");
        } else {
            switch (type) {
                case "integer" -> values.addAll(INTEGER);
                case "number" -> values.addAll(NUMBER);
                case "boolean" -> values.addAll(BOOLEAN);
                case "array" -> values.addAll(ARRAY);
                case "string" -> values.addAll(format.equals("date-time") ? DATE_TIME
                        : format.equals("date") ? DATE : STRING);
                default -> {
                    // an object: the shapes in ANY
                }
            }
        }
        return values.stream().distinct().toList();
    }

    private String replaced(JsonNode root, JsonNode parent, String name, String rawValue) {
        ObjectNode object = (ObjectNode) parent;
        JsonNode kept = object.get(name);
        object.set(name, TextNode.valueOf(HOLE));
        String json = fill(root, rawValue);
        object.set(name, kept);
        return json;
    }

    private String replacedNode(JsonNode root, JsonNode parent, String name, JsonNode value) {
        ObjectNode object = (ObjectNode) parent;
        JsonNode kept = object.get(name);
        object.set(name, value);
        String json = write(root);
        object.set(name, kept);
        return json;
    }

    private static String fill(JsonNode root, String rawValue) {
        return write(root).replace(write(TextNode.valueOf(HOLE)), rawValue);
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String abbreviate(String raw) {
        return raw.length() > 24 ? raw.substring(0, 12) + "…(" + raw.length() + " chars)" : raw;
    }
}
