package io.loadout.allocation;

import static io.loadout.allocation.InventorySheet.ASIN;
import static io.loadout.allocation.InventorySheet.BATCH;
import static io.loadout.allocation.InventorySheet.DATE_ADDED;
import static io.loadout.allocation.InventorySheet.DEFAULT_MIN_SHIP;
import static io.loadout.allocation.InventorySheet.DIMENSIONS;
import static io.loadout.allocation.InventorySheet.HEIGHT;
import static io.loadout.allocation.InventorySheet.LENGTH;
import static io.loadout.allocation.InventorySheet.MAX_SHIP;
import static io.loadout.allocation.InventorySheet.MIN_SHIP;
import static io.loadout.allocation.InventorySheet.PURCHASED;
import static io.loadout.allocation.InventorySheet.REMAINING;
import static io.loadout.allocation.InventorySheet.TITLE;
import static io.loadout.allocation.InventorySheet.UNIT_COST;
import static io.loadout.allocation.InventorySheet.WEIGHT;
import static io.loadout.allocation.InventorySheet.WIDTH;

import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.table.CellRefused;
import io.loadout.imports.table.Column;
import io.loadout.imports.table.FileRefused;
import io.loadout.imports.table.Limits;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.ParsedRow;
import io.loadout.imports.table.SpooledContent;
import io.loadout.imports.table.Table;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The buying sheet ({@code imports/inventory/*.csv}, also what the sheet poll drops there): one row per purchase
 * of an ASIN, upserted by (ASIN, batch). All or nothing: every bad row is reported and nothing is written. A row
 * may not lower the remaining quantity below the units already allocated from it. The result says how many rows
 * were new, changed and unchanged; new stock for preordered ASINs goes to the preorders first. The columns are
 * declared in {@link InventorySheet}; reading, encodings, numbers and dates are {@code io.loadout.imports.table}'s,
 * and every error's row is the file line (the header is line 1).
 */
@ApplicationScoped
public class InventoryImporter implements Importer {

    public static final String KIND = "inventory";
    private static final List<Column<BigDecimal>> SIZE = List.of(LENGTH, WIDTH, HEIGHT);

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

    /** One valid sheet row; {@code row} is its file line. */
    record Lot(long row, String asin, String batch, String title, BigDecimal weightLb, BigDecimal lengthIn,
               BigDecimal widthIn, BigDecimal heightIn, int purchased, int remaining, BigDecimal unitCost,
               LocalDate dateAdded, BigDecimal minShip, BigDecimal maxShip) {
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        try (var file = SpooledContent.of(content)) {
            return apply(InventorySheet.MODEL.read(Table.open(file, Limits.DEFAULT), clock), context);
        } catch (FileRefused e) {
            return ImportResult.rejected(new RowError(e.line(), null, e.getMessage()));
        }
    }

    private ImportResult apply(ModelReader sheet, ImportContext context) {
        if (!sheet.present(DIMENSIONS) && !SIZE.stream().allMatch(sheet::present)) {
            var missing = SIZE.stream().filter(c -> !sheet.present(c)).map(Column::name).toList();
            return ImportResult.rejected(new RowError(1, String.join(",", missing), "missing columns " + missing
                    + ": the package size needs length_in, width_in and height_in, or package_dimensions as LxWxH"));
        }
        var errors = new ArrayList<RowError>();
        var lots = new LinkedHashMap<String, Lot>();
        try (var rows = sheet.rows()) {
            rows.forEachRemaining(row -> lot(row, sheet, errors).ifPresent(lot -> {
                var earlier = lots.putIfAbsent(lot.asin() + "/" + lot.batch(), lot);
                if (earlier != null) {
                    errors.add(new RowError(lot.row(), "batch", "ASIN " + lot.asin() + " batch " + lot.batch()
                            + " is already on line " + earlier.row()));
                }
            }));
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
        if (!sheet.header().ignored().isEmpty()) {
            detail += "; ignored columns " + sheet.header().ignored();
        }
        var preorders = arrivals.allocate(counts.restocked(), Actor.importJob(context.jobId()));
        if (preorders > 0) {
            detail += "; " + preorders + " preorders allocated";
        }
        return new ImportResult(total, total, List.of(), detail);
    }

    /** The row as a lot, or its errors (the model's, then the rules between columns). */
    private static Optional<Lot> lot(ParsedRow row, ModelReader sheet, List<RowError> errors) {
        long line = row.line();
        var problems = new ArrayList<>(row.errors());
        String asin = row.get(ASIN);
        if (asin != null) {
            try {
                asin = Asin.require("asin", asin);
            } catch (DomainException e) {
                problems.add(new RowError(line, "asin", e.getMessage()));
            }
        }
        BigDecimal[] size = size(row, sheet, problems);
        Long purchased = row.get(PURCHASED);
        Long remaining = row.get(REMAINING);
        if (purchased != null && remaining != null && remaining > purchased) {
            problems.add(new RowError(line, "qty_remaining", "remaining " + remaining + " exceeds purchased " + purchased));
        }
        BigDecimal minShip = row.get(MIN_SHIP) == null && !failed(problems, MIN_SHIP) ? DEFAULT_MIN_SHIP : row.get(MIN_SHIP);
        BigDecimal maxShip = row.get(MAX_SHIP);
        if (minShip != null && maxShip != null && maxShip.compareTo(minShip) < 0) {
            problems.add(new RowError(line, "max_ship", "max shipping " + maxShip + " is below min shipping " + minShip));
        }
        if (!problems.isEmpty()) {
            errors.addAll(problems);
            return Optional.empty();
        }
        String title = row.get(TITLE);
        return Optional.of(new Lot(line, asin, row.get(BATCH), title == null ? asin : title, row.get(WEIGHT), size[0],
                size[1], size[2], purchased.intValue(), remaining.intValue(), row.get(UNIT_COST), row.get(DATE_ADDED),
                minShip, maxShip));
    }

    /** Length, width and height: the three columns, or package_dimensions ("10 x 8 x 4") when they are blank. */
    private static BigDecimal[] size(ParsedRow row, ModelReader sheet, List<RowError> problems) {
        var size = SIZE.stream().map(row::get).toArray(BigDecimal[]::new);
        String dimensions = row.get(DIMENSIONS);
        if (dimensions != null && size[0] == null && !failed(problems, LENGTH)) {
            String[] parts = dimensions.toLowerCase(Locale.ROOT).replace("in", "").split("[x×*]");
            if (parts.length != 3) {
                problems.add(new RowError(row.line(), DIMENSIONS.name(), "write the package size as L x W x H in inches"));
                return size;
            }
            for (int k = 0; k < 3; k++) {
                try {
                    size[k] = sheet.parse(LENGTH.type(), parts[k].strip());
                } catch (CellRefused e) {
                    problems.add(new RowError(row.line(), DIMENSIONS.name(), e.getMessage()));
                    return size;
                }
            }
            return size;
        }
        for (int k = 0; k < 3; k++) {
            if (size[k] == null && !failed(problems, SIZE.get(k))) {
                problems.add(new RowError(row.line(), SIZE.get(k).name(), "must not be blank"));
            }
        }
        return size;
    }

    private static boolean failed(List<RowError> problems, Column<?> column) {
        return problems.stream().anyMatch(e -> column.name().equals(e.field()));
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
