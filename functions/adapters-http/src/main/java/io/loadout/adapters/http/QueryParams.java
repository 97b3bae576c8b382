package io.loadout.adapters.http;

import io.loadout.shared.DomainException;
import io.loadout.shared.StorableValues;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

/** Query-parameter parsing that fails with a 400 naming the parameter (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant ({@code 2026-12-01T00:00:00Z}), or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException.InvalidInput(name, name + " must be an ISO-8601 instant like 2026-12-01T00:00:00Z");
        }
        String why = StorableValues.instantRefusal(instant);
        if (why != null) {
            throw new DomainException.InvalidInput(name, name + " " + why);
        }
        return instant;
    }

    /** An ISO-8601 calendar date ({@code 2026-12-01}) between years 1900 and 9999, or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= 1900 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw new DomainException.InvalidInput(name, name + " must be a date like 2026-12-01 (years 1900 to 9999)");
    }

    /** A positive id, or null when absent. */
    public static Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new DomainException.InvalidInput(name, name + " must be a positive whole number");
    }

    /** A whole number of 0 or more (a count of days, say), or null when absent. */
    public static Integer count(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new DomainException.InvalidInput(name, name + " must be a whole number, 0 or more");
    }

    /** {@code true} or {@code false}, or null when absent. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new DomainException.InvalidInput(name, name + " must be true or false");
        };
    }
}
