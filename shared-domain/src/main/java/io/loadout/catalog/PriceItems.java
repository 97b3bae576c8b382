package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The items of one price request as SQL rows {@code (config_id, price, valid_from, valid_to, ord)}, {@code ord}
 * counting from 1 in request order, so {@link PriceService} states each rule once for both shapes of request: a list
 * bound as arrays (the API), or rows staged in {@link #STAGED_TABLE} (the catalog import, whatever its size).
 */
record PriceItems(String rows, List<Object> params) {

    /**
     * A request staged by the caller: one row per item, {@code ref} the caller's own reference (the file line) whose
     * order is the request's order. Temporary to the transaction.
     */
    static final String STAGED_TABLE = "catalog_price_items";

    static final PriceItems STAGED = new PriceItems(
            "select config_id, price, valid_from, valid_to, ord from " + STAGED_TABLE, List.of());

    static PriceItems of(List<PriceForConfiguration> items) {
        return new PriceItems("""
                select * from unnest(?::bigint[], ?::numeric[], ?::timestamptz[], ?::timestamptz[])
                       with ordinality as i(config_id, price, valid_from, valid_to, ord)""",
                List.of(column(items, PriceForConfiguration::configId, Long[]::new),
                        column(items, PriceForConfiguration::price, BigDecimal[]::new),
                        column(items, PriceForConfiguration::validFrom, Instant[]::new),
                        column(items, PriceForConfiguration::validTo, Instant[]::new)));
    }

    /** The rows as a FROM item named {@code i}. */
    String from() {
        return "(" + rows + ") i";
    }

    private static <T> T[] column(List<PriceForConfiguration> items, Function<PriceForConfiguration, T> get,
                                  IntFunction<T[]> array) {
        return items.stream().map(get).toArray(array);
    }
}
