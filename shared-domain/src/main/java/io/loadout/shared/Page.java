package io.loadout.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** One page of rows, newest first; {@code nextBefore} is the cursor of the next page, null on the last. */
public record Page<T>(List<T> items, Long nextBefore) {

    /** Builds a page from a query that fetched {@code limit + 1} rows, the extra one only telling if more exist. */
    public static <T> Page<T> fromOverfetch(List<T> rows, PageRequest request, ToLongFunction<T> id) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(items, id.applyAsLong(items.get(items.size() - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextBefore);
    }
}
