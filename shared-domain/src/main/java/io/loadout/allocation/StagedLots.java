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

/**
 * The buying sheet's valid rows in a staging table, and the rules and writes that are set-based over it: rows are
 * streamed in with {@code COPY}, the checks that need other rows or the stored lots are single queries, and the
 * upsert into {@code inventory_lot} is one statement. The staging table is temporary to the job's transaction
 * ({@code on commit drop}): it is written on the transaction's own connection and gone when the job commits or rolls
 * back.
 */
@ApplicationScoped
class StagedLots {

    private static final String TABLE = "inventory_staged";
    private static final String COLUMNS = "line, asin, batch, title, unit_weight_lb, length_in, width_in, height_in,"
            + " qty_purchased, qty_remaining, unit_cost, date_added, min_ship, max_ship";

    /** What the caller streams: every valid lot of the file, in file order, each handed to {@code sink}. */
    @FunctionalInterface
    interface LotSource {
        void forEach(LotSink sink) throws Exception;
    }

    @FunctionalInterface
    interface LotSink {
        void add(Lot lot) throws SQLException;
    }

    /** The upsert's outcome: lots inserted and changed, and the ASINs with preorders waiting whose stock grew. */
    record Applied(long inserted, long changed, List<String> restocked) {
    }

    /**
     * The lot columns a sheet row sets: a stored lot that differs from its row in any of them is changed. The upsert
     * and the dry run's count both compare through {@link #differs}, so they cannot disagree on what "changed" is.
     */
    static final List<String> COMPARED = List.of("title", "unit_weight_lb", "length_in", "width_in", "height_in",
            "qty_purchased", "qty_remaining", "unit_cost", "date_added", "min_ship", "max_ship");

    /** What the upsert would do, counted (a dry run): lots new, changed and unchanged. */
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
        return sql.copyIn("copy " + TABLE + " (" + COLUMNS + ") from stdin with (format csv)",
                rows -> lots.forEach(lot -> write(rows, lot)));
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

    /** Rows that would leave a lot with fewer units on hand than are already allocated from it. */
    List<RowError> belowAllocated() {
        return sql.list("""
                select s.line, l.qty_allocated, s.qty_remaining from inventory_staged s
                  join inventory_lot l on l.asin = s.asin and l.batch = s.batch
                 where s.qty_remaining < l.qty_allocated""", List.of(),
                r -> new RowError(r.getLong("line"), "qty_remaining", "remaining " + r.getLong("qty_remaining")
                        + " is below the " + r.getLong("qty_allocated") + " units already allocated from this lot"));
    }

    /** SQL true when the row aliased {@code stored} differs from {@code sheet} in a {@link #COMPARED} column. */
    static String differs(String stored, String sheet) {
        return "(" + String.join(", ", COMPARED.stream().map(c -> stored + "." + c).toList()) + ") is distinct from ("
                + String.join(", ", COMPARED.stream().map(c -> sheet + "." + c).toList()) + ")";
    }

    /**
     * The dry run of {@link #apply}: how many staged lots it would insert, change and leave alone, by the same
     * comparison, writing nothing.
     */
    WouldApply wouldApply() {
        return sql.one("""
                select count(*) filter (where l.id is null) inserted,
                       count(*) filter (where l.id is not null and """ + differs("l", "s") + """
                ) changed,
                       count(*) filter (where l.id is not null and not """ + differs("l", "s") + """
                ) unchanged
                  from inventory_staged s left join inventory_lot l on l.asin = s.asin and l.batch = s.batch""",
                List.of(), r -> new WouldApply(r.getLong("inserted"), r.getLong("changed"), r.getLong("unchanged")))
                .orElseThrow();
    }

    /**
     * Upserts the staged lots by (ASIN, batch) in file order (the order COPY wrote the staging table's heap, which a
     * scan of a temporary table always reads from its start; a sort would spill to disk), writing only those that differ from the stored lot.
     * Of the ASINs in {@code waiting} (those preorders wait for), it names the ones whose available units grew.
     */
    Applied apply(List<String> waiting, Actor actor, Instant now) {
        return sql.one("""
                with waiting as (select distinct unnest(?::text[]) asin),
                before as (
                  select l.asin, l.batch, l.qty_remaining - l.qty_allocated available
                    from inventory_lot l join waiting w on w.asin = l.asin),
                written as (
                  insert into inventory_lot as lot (asin, batch, title, unit_weight_lb, length_in, width_in, height_in,
                         qty_purchased, qty_remaining, unit_cost, date_added, min_ship, max_ship,
                         created_at, created_by, changed_at, changed_by)
                  select asin, batch, title, unit_weight_lb, length_in, width_in, height_in, qty_purchased,
                         qty_remaining, unit_cost, date_added, min_ship, max_ship,
                         cast(? as timestamptz), ?, cast(? as timestamptz), ?
                    from inventory_staged
                  on conflict (asin, batch) do update
                     set title = excluded.title, unit_weight_lb = excluded.unit_weight_lb,
                         length_in = excluded.length_in, width_in = excluded.width_in, height_in = excluded.height_in,
                         qty_purchased = excluded.qty_purchased, qty_remaining = excluded.qty_remaining,
                         unit_cost = excluded.unit_cost, date_added = excluded.date_added,
                         min_ship = excluded.min_ship, max_ship = excluded.max_ship,
                         changed_at = excluded.changed_at, changed_by = excluded.changed_by
                   where """ + differs("lot", "excluded") + """
                  returning lot.asin, lot.batch, (xmax = 0) inserted, lot.qty_remaining - lot.qty_allocated available)
                select count(*) filter (where w.inserted) inserted, count(*) filter (where not w.inserted) changed,
                       array(select distinct r.asin from written r
                               join waiting p on p.asin = r.asin
                               left join before b on b.asin = r.asin and b.batch = r.batch
                              where r.available > coalesce(b.available, 0) order by r.asin) restocked
                  from written w""",
                List.of(waiting.toArray(String[]::new), now, actor.name(), now, actor.name()),
                r -> new Applied(r.getLong("inserted"), r.getLong("changed"), r.getStrings("restocked"))).orElseThrow();
    }
}
