package io.loadout.shared;

/** Optional text as it is stored: stripped, and blank counts as absent. */
public final class Text {

    private Text() {
    }

    public static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
