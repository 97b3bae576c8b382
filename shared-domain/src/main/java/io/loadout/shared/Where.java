package io.loadout.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Builds a filter's WHERE clause and its parameters together; a null filter value adds nothing. */
public final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    public Where equal(String column, Object value) {
        return value == null ? this : add(column + " = ?", value);
    }

    public Where equalIgnoreCase(String column, String value) {
        return blank(value) ? this : add("lower(" + column + ") = lower(?)", value.strip());
    }

    /** Case-insensitive substring match; {@code %} and {@code _} in the value match themselves. */
    public Where contains(String column, String value) {
        return containsInAny(value, column);
    }

    /** {@link #contains} on any of the columns (one of them matching is enough). */
    public Where containsInAny(String value, String... columns) {
        if (blank(value)) {
            return this;
        }
        String escaped = value.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        String pattern = "%" + escaped + "%";
        var alternatives = new ArrayList<String>();
        for (String column : columns) {
            alternatives.add(column + " ilike ?");
            params.add(pattern);
        }
        clauses.add("(" + String.join(" or ", alternatives) + ")");
        return this;
    }

    public Where add(String clause, Object... values) {
        clauses.add(clause);
        params.addAll(Arrays.asList(values));
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** The conditions alone, to join into a larger clause ({@code true} when there are none). */
    public String conditions() {
        return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
    }

    public List<Object> params() {
        return Collections.unmodifiableList(new ArrayList<>(params));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
