package io.loadout.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a JSON input Jackson refused is told back: the JSON path at fault and what it must be, in our words, never
 * Jackson's own message (it names Java classes). Shared by the HTTP mappers and the webhooks, which read raw bodies.
 */
public final class JsonRefusals {

    private JsonRefusals() {
    }

    /** {@code items[2].qty}; null when the body as a whole is at fault. */
    public static String path(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return null;
        }
        String path = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    /** What is wrong, to follow the field's name: "must be a whole number in range", "is not valid JSON", … */
    public static String reason(JsonProcessingException e) {
        if (e.getCause() instanceof DomainException refused) {
            return refused.getMessage();
        }
        if (!(e instanceof JsonMappingException)) {
            return "is not valid JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expectation(mismatch.getTargetType());
        }
        return "has the wrong value or type";
    }

    static String expectation(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class
                || type == short.class || type == Short.class) {
            return "must be a whole number in range";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == Instant.class) {
            return "must be an ISO-8601 instant like 2026-12-01T00:00:00Z";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date like 2026-12-01";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a JSON array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "must be a JSON object";
        }
        return "has the wrong value or type";
    }
}
