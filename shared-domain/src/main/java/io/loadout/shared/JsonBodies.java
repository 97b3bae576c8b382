package io.loadout.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Raw JSON bodies (signed webhooks, whose signature is checked over the bytes before anything is read) turned into
 * validated records. Every refusal is a 400 naming the JSON path at fault and saying what it must be, never in
 * Jackson's own words (class names).
 */
@ApplicationScoped
public class JsonBodies {

    private final ObjectMapper json;
    private final Validator validator;

    JsonBodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public JsonNode read(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new DomainException.InvalidInput("body", "body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new DomainException.InvalidInput("body", "body is not valid JSON");
        } catch (IOException e) {
            throw new DomainException.InvalidInput("body", "body is unreadable");
        }
    }

    /** {@code prefix}: how the node is reached in the body ({@code [2].}, or empty for the body itself). */
    public <T> T convert(JsonNode node, Class<T> type, String prefix) {
        String at = fieldName(prefix);
        if (!node.isObject()) {
            throw new DomainException.InvalidInput(at, at + " must be a JSON object");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String path = JsonRefusals.path(e);
            String field = path == null ? at : fieldName(prefix + path);
            throw new DomainException.InvalidInput(field, field + " " + JsonRefusals.reason(e));
        }
    }

    /** The value when its constraints hold; else a refusal naming the first field at fault. */
    public <T> T valid(T value, String prefix) {
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            var first = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .findFirst().orElseThrow();
            String path = FieldPaths.of(first);
            if (path != null && snakeCase(value.getClass())) { // name the field as the body spells it
                path = Pattern.compile("[A-Za-z0-9]+").matcher(path)
                        .replaceAll(m -> ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(m.group()));
            }
            String field = fieldName(prefix + (path == null ? "" : path));
            throw new DomainException.InvalidInput(field, field + " " + first.getMessage());
        }
        return value;
    }

    /** Read, converted and validated: the body as one record. */
    public <T> T parse(byte[] body, Class<T> type) {
        return valid(convert(read(body), type, ""), "");
    }

    private static boolean snakeCase(Class<?> type) {
        var naming = type.getAnnotation(JsonNaming.class);
        return naming != null && naming.value() == PropertyNamingStrategies.SnakeCaseStrategy.class;
    }

    /** {@code [2].} (the whole item) reads {@code [2]}; nothing reads {@code body}. */
    private static String fieldName(String path) {
        String field = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return field.isEmpty() ? "body" : field;
    }
}
