package io.loadout.shared;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What PostgreSQL can store, checked where input arrives (JSON bodies, query and path parameters) so a bad value is
 * a 400 naming its field instead of a database error: text without NUL characters or unpaired UTF-16 surrogates
 * (PostgreSQL refuses the first and would store '?' for the second), and dates in the years 1 to 9999.
 */
public final class StorableValues {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private StorableValues() {
    }

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String textRefusal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters (U+0000)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired UTF-16 surrogate";
            }
        }
        return null;
    }

    /** Why {@code instant} cannot be stored, or null when it can. */
    public static String instantRefusal(Instant instant) {
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? "must be between years 1 and 9999" : null;
    }

    /** Why {@code date} cannot be stored, or null when it can. */
    public static String dateRefusal(LocalDate date) {
        return date.getYear() < 1 || date.getYear() > 9999 ? "must be between years 1 and 9999" : null;
    }
}
