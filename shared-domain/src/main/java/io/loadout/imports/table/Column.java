package io.loadout.imports.table;

import java.util.List;
import java.util.Locale;

/**
 * One declared column of a row model: its name (as the README and the errors file name it), other header
 * spellings it accepts, what it holds, whether a row must fill it, what it means and an example value.
 */
public record Column<T>(String name, List<String> aliases, ColumnType<T> type, boolean required, String description,
                        String example) {

    public Column {
        aliases = List.copyOf(aliases);
    }

    public static <T> Column<T> required(String name, ColumnType<T> type, String description, String example) {
        return new Column<>(name, List.of(), type, true, description, example);
    }

    public static <T> Column<T> optional(String name, ColumnType<T> type, String description, String example) {
        return new Column<>(name, List.of(), type, false, description, example);
    }

    public Column<T> alsoNamed(String... spellings) {
        return new Column<>(name, List.of(spellings), type, required, description, example);
    }

    /** Whether a header cell names this column: case, spaces, underscores and punctuation do not matter. */
    boolean matches(String header) {
        String key = key(header);
        return key.equals(key(name)) || aliases.stream().anyMatch(a -> key(a).equals(key));
    }

    static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    boolean numeric() {
        return type instanceof ColumnType.Whole || type instanceof ColumnType.Decimal;
    }

    boolean dated() {
        return type instanceof ColumnType.Date || type instanceof ColumnType.Moment;
    }
}
