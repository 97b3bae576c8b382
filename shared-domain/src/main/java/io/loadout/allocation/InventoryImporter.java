package io.loadout.allocation;

import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.shared.Actor;
import io.loadout.shared.Csv;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The buying sheet ({@code imports/inventory/*.csv}, also what the sheet poll drops there): one row per purchase
 * of an ASIN, upserted by (ASIN, batch). All or nothing: every bad row is reported and nothing is written. A row
 * may not lower the remaining quantity below the units already allocated from it. The result says how many rows
 * were new, changed and unchanged; new stock for preordered ASINs goes to the preorders first.
 */
@ApplicationScoped
public class InventoryImporter implements Importer {

    public static final String KIND = "inventory";
    static final BigDecimal DEFAULT_MIN_SHIP = new BigDecimal("0.10");
    static final List<String> REQUIRED = List.of("asin", "batch", "unit_weight_lb", "qty_purchased", "qty_remaining",
            "unit_cost", "date_added", "max_ship");
    static final List<String> OPTIONAL = List.of("title", "length_in", "width_in", "height_in", "package_dimensions",
            "min_ship");
    /** Header spellings a buying sheet uses, normalised (lower case, words joined by _), to our column names. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("asin_code", "asin"), Map.entry("purchase_batch", "batch"), Map.entry("batch_id", "batch"),
            Map.entry("po", "batch"), Map.entry("item_weight", "unit_weight_lb"), Map.entry("weight", "unit_weight_lb"),
            Map.entry("unit_weight", "unit_weight_lb"), Map.entry("weight_lb", "unit_weight_lb"),
            Map.entry("item_weight_lb", "unit_weight_lb"), Map.entry("length", "length_in"),
            Map.entry("width", "width_in"), Map.entry("height", "height_in"),
            Map.entry("package_length", "length_in"), Map.entry("package_width", "width_in"),
            Map.entry("package_height", "height_in"), Map.entry("dimensions", "package_dimensions"),
            Map.entry("quantity_purchased", "qty_purchased"), Map.entry("remaining_quantity", "qty_remaining"),
            Map.entry("quantity_remaining", "qty_remaining"), Map.entry("cost", "unit_cost"),
            Map.entry("date", "date_added"), Map.entry("min_shipping_price", "min_ship"),
            Map.entry("max_shipping_price", "max_ship"), Map.entry("min_shipping", "min_ship"),
            Map.entry("max_shipping", "max_ship"), Map.entry("product_title", "title"), Map.entry("item_name", "title"));
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private final Sql sql;
    private final Clock clock;
    private final PreorderArrivals arrivals;

    InventoryImporter(Sql sql, Clock clock, PreorderArrivals arrivals) {
        this.sql = sql;
        this.clock = clock;
        this.arrivals = arrivals;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** One valid sheet row. */
    record Lot(long row, String asin, String batch, String title, BigDecimal weightLb, BigDecimal lengthIn,
               BigDecimal widthIn, BigDecimal heightIn, int purchased, int remaining, BigDecimal unitCost,
               LocalDate dateAdded, BigDecimal minShip, BigDecimal maxShip) {
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        List<List<String>> table = Csv.parse(new InputStreamReader(content, StandardCharsets.UTF_8));
        if (table.isEmpty()) {
            return ImportResult.rejected(new RowError(0, null, "the file is empty"));
        }
        Map<String, Integer> columns = header(table.get(0));
        var missing = new ArrayList<>(REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList());
        if (!columns.containsKey("package_dimensions")) {
            List.of("length_in", "width_in", "height_in").stream().filter(c -> !columns.containsKey(c)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            return ImportResult.rejected(new RowError(0, String.join(",", missing), "missing columns " + missing
                    + "; the header must name " + REQUIRED + ", the package size (length_in, width_in, height_in or"
                    + " package_dimensions as LxWxH) and may name title and min_ship"));
        }
        var errors = new ArrayList<RowError>();
        var lots = new LinkedHashMap<String, Lot>();
        for (int i = 1; i < table.size(); i++) {
            var cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            parse(i, cells, columns, errors).ifPresent(lot -> {
                var earlier = lots.putIfAbsent(lot.asin() + "/" + lot.batch(), lot);
                if (earlier != null) {
                    errors.add(new RowError(lot.row(), "batch", "ASIN " + lot.asin() + " batch " + lot.batch()
                            + " is already on row " + earlier.row()));
                }
            });
        }
        int total = lots.size() + (int) errors.stream().map(RowError::row).distinct().count();
        var rows = List.copyOf(lots.values());
        errors.addAll(belowAllocated(rows));
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(RowError::row));
            return new ImportResult(total, 0, errors);
        }
        var counts = upsert(rows, Actor.importJob(context.jobId()), total);
        String detail = counts.inserted() + " new, " + counts.changed() + " changed, "
                + (rows.size() - counts.inserted() - counts.changed()) + " unchanged";
        var preorders = arrivals.allocate(counts.restocked(), Actor.importJob(context.jobId()));
        if (preorders > 0) {
            detail += "; " + preorders + " preorders allocated";
        }
        return new ImportResult(total, total, List.of(), detail);
    }

    static Map<String, Integer> header(List<String> cells) {
        var columns = new HashMap<String, Integer>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                    .replaceAll("^_|_$", "");
            columns.putIfAbsent(ALIASES.getOrDefault(name, name), i);
        }
        return columns;
    }

    private Optional<Lot> parse(long row, List<String> cells, Map<String, Integer> columns, List<RowError> errors) {
        Function<String, String> cell = name -> {
            Integer index = columns.get(name);
            String v = index == null || index >= cells.size() ? null : cells.get(index).strip();
            return v == null || v.isEmpty() ? null : v;
        };
        int before = errors.size();
        String asin = null;
        try {
            asin = Asin.require("asin", cell.apply("asin"));
        } catch (DomainException e) {
            errors.add(new RowError(row, "asin", e.getMessage()));
        }
        String batch = cell.apply("batch");
        if (batch == null || batch.length() > 100) {
            errors.add(new RowError(row, "batch", "a purchase batch of 1 to 100 characters is required"));
        }
        String title = cell.apply("title");
        if (title != null && title.length() > 500) {
            errors.add(new RowError(row, "title", "at most 500 characters"));
        }
        BigDecimal weight = positive(row, "unit_weight_lb", cell.apply("unit_weight_lb"), errors);
        BigDecimal[] size = new BigDecimal[3];
        if (cell.apply("package_dimensions") != null && cell.apply("length_in") == null) {
            String[] parts = cell.apply("package_dimensions").toLowerCase(Locale.ROOT).replace("in", "").split("[x×*]");
            if (parts.length != 3) {
                errors.add(new RowError(row, "package_dimensions", "write the package size as L x W x H in inches"));
            } else {
                for (int k = 0; k < 3; k++) {
                    size[k] = positive(row, "package_dimensions", parts[k], errors);
                }
            }
        } else {
            size[0] = positive(row, "length_in", cell.apply("length_in"), errors);
            size[1] = positive(row, "width_in", cell.apply("width_in"), errors);
            size[2] = positive(row, "height_in", cell.apply("height_in"), errors);
        }
        Integer purchased = count(row, "qty_purchased", cell.apply("qty_purchased"), errors);
        Integer remaining = count(row, "qty_remaining", cell.apply("qty_remaining"), errors);
        if (purchased != null && remaining != null && remaining > purchased) {
            errors.add(new RowError(row, "qty_remaining", "remaining " + remaining + " exceeds purchased " + purchased));
        }
        BigDecimal unitCost = positive(row, "unit_cost", cell.apply("unit_cost"), errors);
        LocalDate dateAdded = date(row, cell.apply("date_added"), errors);
        BigDecimal minShip = cell.apply("min_ship") == null ? DEFAULT_MIN_SHIP : money(row, "min_ship", cell.apply("min_ship"), errors);
        BigDecimal maxShip = money(row, "max_ship", cell.apply("max_ship"), errors);
        if (minShip != null && maxShip != null && maxShip.compareTo(minShip) < 0) {
            errors.add(new RowError(row, "max_ship", "max shipping " + maxShip + " is below min shipping " + minShip));
        }
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Lot(row, asin, batch, title == null ? asin : title, weight, size[0], size[1], size[2],
                purchased, remaining, unitCost, dateAdded, minShip, maxShip));
    }

    private static BigDecimal decimal(long row, String field, String value, List<RowError> errors) {
        if (value == null) {
            errors.add(new RowError(row, field, "must not be blank"));
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(new RowError(row, field, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static BigDecimal positive(long row, String field, String value, List<RowError> errors) {
        BigDecimal d = decimal(row, field, value, errors);
        if (d != null && d.signum() <= 0) {
            errors.add(new RowError(row, field, "must be greater than 0"));
            return null;
        }
        return d;
    }

    private static BigDecimal money(long row, String field, String value, List<RowError> errors) {
        BigDecimal d = decimal(row, field, value, errors);
        if (d != null && (d.signum() < 0 || d.stripTrailingZeros().scale() > 2)) {
            errors.add(new RowError(row, field, "must be an amount of 0 or more with at most 2 decimals"));
            return null;
        }
        return d;
    }

    private static Integer count(long row, String field, String value, List<RowError> errors) {
        BigDecimal d = decimal(row, field, value, errors);
        if (d == null) {
            return null;
        }
        try {
            int n = d.intValueExact();
            if (n < 0) {
                errors.add(new RowError(row, field, "must not be negative"));
                return null;
            }
            return n;
        } catch (ArithmeticException e) {
            errors.add(new RowError(row, field, "must be a whole number"));
            return null;
        }
    }

    private static LocalDate date(long row, String value, List<RowError> errors) {
        if (value == null) {
            errors.add(new RowError(row, "date_added", "must not be blank"));
            return null;
        }
        try {
            return value.contains("/") ? LocalDate.parse(value, US_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, "date_added", "'" + value + "' is not a date (2026-11-21 or 11/21/2026)"));
            return null;
        }
    }

    /** Rows that would leave a lot with fewer units on hand than are already allocated from it. */
    private List<RowError> belowAllocated(List<Lot> lots) {
        if (lots.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                select i.row, l.qty_allocated, i.remaining from inventory_lot l
                  join unnest(?::text[], ?::text[], ?::integer[], ?::bigint[]) as i(asin, batch, remaining, row)
                    on l.asin = i.asin and l.batch = i.batch
                 where i.remaining < l.qty_allocated""",
                List.of(column(lots, Lot::asin), column(lots, Lot::batch), ints(lots, Lot::remaining),
                        lots.stream().map(Lot::row).toArray(Long[]::new)),
                r -> new RowError(r.getLong("row"), "qty_remaining", "remaining " + r.getLong("remaining")
                        + " is below the " + r.getLong("qty_allocated") + " units already allocated from this lot"));
    }

    record Counts(int inserted, int changed, List<String> restocked) {
    }

    private Counts upsert(List<Lot> lots, Actor actor, int total) {
        if (lots.isEmpty()) {
            return new Counts(0, 0, List.of());
        }
        var now = clock.instant();
        List<Object> params = List.of(column(lots, Lot::asin), column(lots, Lot::batch), column(lots, Lot::title),
                decimals(lots, Lot::weightLb), decimals(lots, Lot::lengthIn), decimals(lots, Lot::widthIn),
                decimals(lots, Lot::heightIn), ints(lots, Lot::purchased), ints(lots, Lot::remaining),
                decimals(lots, Lot::unitCost), lots.stream().map(l -> l.dateAdded().toString()).toArray(String[]::new),
                decimals(lots, Lot::minShip), decimals(lots, Lot::maxShip), now, actor.name(), now, actor.name());
        try {
            var written = sql.list("""
                    with input as (
                      select * from unnest(?::text[], ?::text[], ?::text[], ?::numeric[], ?::numeric[], ?::numeric[],
                                           ?::numeric[], ?::integer[], ?::integer[], ?::numeric[], ?::date[],
                                           ?::numeric[], ?::numeric[])
                        as i(asin, batch, title, weight, l, w, h, purchased, remaining, cost, added, min_ship, max_ship)),
                    before as (
                      select l.asin, l.batch, l.qty_remaining - l.qty_allocated available from inventory_lot l
                        join input i on i.asin = l.asin and i.batch = l.batch)
                    insert into inventory_lot as lot (asin, batch, title, unit_weight_lb, length_in, width_in, height_in,
                           qty_purchased, qty_remaining, unit_cost, date_added, min_ship, max_ship,
                           created_at, created_by, changed_at, changed_by)
                    select asin, batch, title, weight, l, w, h, purchased, remaining, cost, added, min_ship, max_ship,
                           cast(? as timestamptz), ?, cast(? as timestamptz), ? from input
                    on conflict (asin, batch) do update
                       set title = excluded.title, unit_weight_lb = excluded.unit_weight_lb,
                           length_in = excluded.length_in, width_in = excluded.width_in, height_in = excluded.height_in,
                           qty_purchased = excluded.qty_purchased, qty_remaining = excluded.qty_remaining,
                           unit_cost = excluded.unit_cost, date_added = excluded.date_added,
                           min_ship = excluded.min_ship, max_ship = excluded.max_ship,
                           changed_at = excluded.changed_at, changed_by = excluded.changed_by
                     where (lot.title, lot.unit_weight_lb, lot.length_in, lot.width_in, lot.height_in, lot.qty_purchased,
                            lot.qty_remaining, lot.unit_cost, lot.date_added, lot.min_ship, lot.max_ship)
                           is distinct from
                           (excluded.title, excluded.unit_weight_lb, excluded.length_in, excluded.width_in,
                            excluded.height_in, excluded.qty_purchased, excluded.qty_remaining, excluded.unit_cost,
                            excluded.date_added, excluded.min_ship, excluded.max_ship)
                    returning lot.asin, (xmax = 0) inserted,
                              lot.qty_remaining - lot.qty_allocated
                                > coalesce((select b.available from before b
                                             where b.asin = lot.asin and b.batch = lot.batch), 0) restocked""",
                    params, r -> new Object[] {r.getString("asin"), r.getBoolean("inserted"), r.getBoolean("restocked")});
            int inserted = (int) written.stream().filter(w -> (Boolean) w[1]).count();
            var restocked = written.stream().filter(w -> (Boolean) w[2]).map(w -> (String) w[0]).distinct().sorted().toList();
            return new Counts(inserted, written.size() - inserted, restocked);
        } catch (RuntimeException e) {
            if (Sql.violatedConstraint(e).isPresent()) {
                throw new ImportRejected(new ImportResult(total, 0, List.of(new RowError(0, null,
                        "the sheet clashes with allocations made while it was importing (" + Sql.violatedConstraint(e).get()
                                + "); import it again"))));
            }
            throw e;
        }
    }

    private static String[] column(List<Lot> lots, Function<Lot, String> f) {
        return lots.stream().map(f).toArray(String[]::new);
    }

    private static BigDecimal[] decimals(List<Lot> lots, Function<Lot, BigDecimal> f) {
        return lots.stream().map(f).toArray(BigDecimal[]::new);
    }

    private static Integer[] ints(List<Lot> lots, ToIntFunction<Lot> f) {
        return lots.stream().map(l -> f.applyAsInt(l)).toArray(Integer[]::new);
    }
}
