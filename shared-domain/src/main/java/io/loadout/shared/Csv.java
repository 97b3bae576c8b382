package io.loadout.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Writes RFC 4180 CSV (imports are read by {@code io.loadout.imports.table}). */
public final class Csv {

    private Csv() {
    }

    public static String line(List<?> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.isEmpty() || text.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
