package io.loadout.imports.table;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CSV field separator, decided by the header line alone: the one of comma, semicolon and tab that occurs
 * there outside quotes. A header holding more than one of them is refused (which one separates is a guess); a
 * header holding none is one column, and the row model then says the file has the wrong shape.
 */
final class Delimiters {

    private static final int MAX_HEADER = 64 * 1024;
    private static final char[] CANDIDATES = {',', ';', '\t'};

    private Delimiters() {
    }

    static char detect(Reader reader) throws IOException {
        var counts = new LinkedHashMap<Character, Integer>();
        for (char candidate : CANDIDATES) {
            counts.put(candidate, 0);
        }
        boolean quoted = false;
        for (int i = 0, c = reader.read(); c >= 0 && i < MAX_HEADER; i++, c = reader.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && counts.containsKey((char) c)) {
                counts.merge((char) c, 1, Integer::sum);
            }
        }
        var found = counts.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        if (found.size() > 1) {
            throw new FileRefused(1, "the header line holds " + describe(found)
                    + ", so which one separates the columns is unclear: save the file with one separator"
                    + " (comma, semicolon or tab) and no such character inside the column names");
        }
        return found.isEmpty() ? ',' : found.get(0);
    }

    static String name(char delimiter) {
        return switch (delimiter) {
            case ',' -> "commas";
            case ';' -> "semicolons";
            default -> "tabs";
        };
    }

    private static String describe(java.util.List<Character> found) {
        return String.join(" and ", found.stream().map(Delimiters::name).toList());
    }
}
