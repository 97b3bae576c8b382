package io.loadout.allocation;

import io.loadout.allocation.InventoryRows.Lot;
import io.loadout.imports.RowError;
import io.loadout.shared.Actor;
import io.loadout.shared.CopyRows;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The buying sheet's valid rows in a staging table, and the rules and writes that are set-based over it: rows are
 * streamed in with {@code COPY}, the checks that need other rows or the stored lots are single queries, and the
 * writes into {@code inventory_lot} are a few set-based statements. The staging table is temporary to the job's
 * transaction ({@code on commit drop}): it is written on the transaction's own connection and gone when the job
 * commits or rolls back.
 */
@ApplicationScoped
class StagedLots {

    private static final String TABLE = "inventory_staged";
    private static final String COLUMNS = "line, asin, batch, title, unit_weight_lb, length_in, width_in, height_in,"
            + " qty_purchased, qty_remaining, unit_cost, date_added, min_ship, max_ship";
    /**
     * The lot's values a sheet row sets: a stored lot differing in one of them is changed by the row. The writes and
     * the dry run's count both compare through {@link #differs}, so they cannot disagree on what "changed" is.
     */
    private static final List<String> SHEET_VALUES = List.of("title", "unit_weight_lb", "length_in", "width_in",
            "height_in", "qty_purchased", "qty_remaining", "unit_cost", "date_added", "min_ship", "max_ship");

    /** What the caller streams: every valid lot of the file, in file order, each handed to {@code sink}. */
    @FunctionalInterface
    interface LotSource {
        void forEach(LotSink sink) throws Exception;
    }

    @FunctionalInterface
    interface LotSink {
        void add(Lot lot) throws SQLException;
    }

    /** What the writes did: lots inserted and changed, and the ASINs with preorders waiting whose stock grew. */
    record Applied(long inserted, long changed, List<String> restocked) {
    }

    /** What the writes would do, counted (a dry run): lots new, changed and unchanged. */
    record WouldApply(long inserted, long changed, long unchanged) {
    }

    private final Sql sql;

    StagedLots(Sql sql) {
        this.sql = sql;
    }

    /** Creates the staging table and copies the lots into it; returns how many were staged. */
    long stage(LotSource lots) {
        sql.update("drop table if exists pg_temp." + TABLE, List.of());
        sql.update("create temp table " + TABLE + " (line bigint not null, asin text not null, batch text not null,"
                + " title text not null, unit_weight_lb numeric, length_in numeric, width_in numeric, height_in numeric,"
                + " qty_purchased integer, qty_remaining integer, unit_cost numeric, date_added date, min_ship numeric,"
                + " max_ship numeric) on commit drop", List.of());
        long staged = sql.copyIn("copy " + TABLE + " (" + COLUMNS + ") from stdin with (format csv)",
                rows -> lots.forEach(lot -> write(rows, lot)));
        // a temporary table has no statistics until analysed: without them the joins below probe an index per row
        sql.update("analyze " + TABLE, List.of());
        return staged;
    }

    private static void write(CopyRows rows, Lot lot) throws SQLException {
        rows.number(lot.row()).text(lot.asin()).text(lot.batch()).text(lot.title()).number(lot.weightLb())
                .number(lot.lengthIn()).number(lot.widthIn()).number(lot.heightIn()).number(lot.purchased())
                .number(lot.remaining()).number(lot.unitCost()).plain(lot.dateAdded()).number(lot.minShip())
                .number(lot.maxShip()).endRow();
    }

    /**
     * Rows repeating an (ASIN, batch) of an earlier line, each named with that line; they leave the staging table, so
     * the other checks see each lot once.
     */
    List<RowError> removeRepeats() {
        return sql.list("""
                with first as (
                  select asin, batch, min(line) line from inventory_staged group by asin, batch having count(*) > 1)
                delete from inventory_staged s using first f
                 where s.asin = f.asin and s.batch = f.batch and s.line > f.line
                returning s.line, s.asin, s.batch, f.line first_line""", List.of(),
                r -> new RowError(r.getLong("line"), "batch", "ASIN " + r.getString("asin") + " batch "
                        + r.getString("batch") + " is already on line " + r.getLong("first_line")));
    }

    /**
     * Rows that would leave a lot with fewer units on hand than are already allocated from it (only lots with
     * allocations can: a row's remaining is at least 0, so the join hashes those few instead of every lot).
     */
    List<RowError> belowAllocated() {
        return sql.list("""
                select s.line, l.qty_allocated, s.qty_remaining from inventory_staged s
                  join inventory_lot l on l.asin = s.asin and l.batch = s.batch
                 where l.qty_allocated > 0 and s.qty_remaining < l.qty_allocated""", List.of(),
                r -> new RowError(r.getLong("line"), "qty_remaining", "remaining " + r.getLong("qty_remaining")
                        + " is below the " + r.getLong("qty_allocated") + " units already allocated from this lot"));
    }

    /**
     * Writes the staged lots into {@code inventory_lot} in four statements, none with a row-by-row path: remember
     * what is available of the ASINs preorders wait for ({@code waiting}), update the stored lots that differ from
     * their row, insert the lots not stored yet (an anti-join, cheaper than {@code on conflict}'s speculative insert
     * per row), and name the waiting ASINs whose available units grew. The staging table holds each (ASIN, batch)
     * once ({@link #removeRepeats}); a lot another transaction inserts meanwhile makes the insert fail on the unique
     * key, which the caller reports.
     */
    Applied apply(List<String> waiting, Actor actor, Instant now) {
        rememberAvailable(waiting);
        long changed = sql.update("""
                update inventory_lot lot
                   set title = s.title, unit_weight_lb = s.unit_weight_lb, length_in = s.length_in,
                       width_in = s.width_in, height_in = s.height_in, qty_purchased = s.qty_purchased,
                       qty_remaining = s.qty_remaining, unit_cost = s.unit_cost, date_added = s.date_added,
                       min_ship = s.min_ship, max_ship = s.max_ship, changed_at = cast(? as timestamptz), changed_by = ?
                  from inventory_staged s
                 where lot.asin = s.asin and lot.batch = s.batch and %s""".formatted(differs("lot", "s")),
                List.of(now, actor.name()));
        long inserted = sql.update("""
                insert into inventory_lot (asin, batch, title, unit_weight_lb, length_in, width_in, height_in,
                       qty_purchased, qty_remaining, unit_cost, date_added, min_ship, max_ship,
                       created_at, created_by, changed_at, changed_by)
                select asin, batch, title, unit_weight_lb, length_in, width_in, height_in, qty_purchased,
                       qty_remaining, unit_cost, date_added, min_ship, max_ship,
                       cast(? as timestamptz), ?, cast(? as timestamptz), ?
                  from inventory_staged s
                 where not exists (select from inventory_lot l where l.asin = s.asin and l.batch = s.batch)""",
                List.of(now, actor.name(), now, actor.name()));
        return new Applied(inserted, changed, restocked(waiting));
    }

    /** What is available now of each lot of the waiting ASINs, before the writes (none: nothing waits). */
    private void rememberAvailable(List<String> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        sql.update("drop table if exists pg_temp.inventory_waiting", List.of());
        sql.update("create temp table inventory_waiting (asin text, batch text, available integer) on commit drop",
                List.of());
        sql.update("""
                insert into inventory_waiting
                select l.asin, l.batch, l.qty_remaining - l.qty_allocated from inventory_lot l
                 where l.asin = any(?::text[])""", List.of((Object) waiting.toArray(String[]::new)));
    }

    /** The waiting ASINs with a lot in the sheet that has more units available than before the writes. */
    private List<String> restocked(List<String> waiting) {
        if (waiting.isEmpty()) {
            return List.of();
        }
        return sql.list("""
                select distinct l.asin from inventory_lot l
                  left join inventory_waiting b on b.asin = l.asin and b.batch = l.batch
                 where l.asin = any(?::text[]) and l.qty_remaining - l.qty_allocated > coalesce(b.available, 0)
                   and exists (select from inventory_staged s where s.asin = l.asin and s.batch = l.batch)
                 order by l.asin""", List.of((Object) waiting.toArray(String[]::new)), r -> r.getString("asin"));
    }

    /**
     * The dry run of {@link #apply}: how many staged lots it would insert, change and leave alone, by the same
     * comparison, writing nothing.
     */
    WouldApply wouldApply() {
        return sql.one("""
                select count(*) filter (where l.id is null) inserted,
                       count(*) filter (where l.id is not null and %1$s) changed,
                       count(*) filter (where l.id is not null and not %1$s) unchanged
                  from inventory_staged s left join inventory_lot l on l.asin = s.asin and l.batch = s.batch"""
                        .formatted(differs("l", "s")),
                List.of(), r -> new WouldApply(r.getLong("inserted"), r.getLong("changed"), r.getLong("unchanged")))
                .orElseThrow();
    }

    /** The condition that a stored lot ({@code lot}) differs from its staged row ({@code row}) in a sheet column. */
    static String differs(String lot, String row) {
        String stored = SHEET_VALUES.stream().map(c -> lot + "." + c).collect(Collectors.joining(", "));
        String staged = SHEET_VALUES.stream().map(c -> row + "." + c).collect(Collectors.joining(", "));
        return "(" + stored + ") is distinct from (" + staged + ")";
    }
}
