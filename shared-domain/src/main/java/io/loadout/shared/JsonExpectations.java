package io.loadout.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** What a JSON field of a given Java type must look like, said to the client instead of Jackson's own message. */
public final class JsonExpectations {

    private JsonExpectations() {
    }

    public static String of(Class<?> type) {
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
