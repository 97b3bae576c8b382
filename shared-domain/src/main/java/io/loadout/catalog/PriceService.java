package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogViews.EffectivePrice;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Dated prices. At any instant at most one non-disabled price covers a configuration: the exclusion constraint
 * {@code catalog_price_no_overlap} guarantees it; this service explains refusals and applies the seed's rule that a
 * new price starting after the current open-ended one ends that one at the new start. Each rule is one SQL statement
 * over the request's items ({@link PriceItems}): a list bound as arrays, or a request staged in a temporary table
 * (the catalog import's, of any size: {@link #stage}, {@link #setStagedPrices}).
 */
@ApplicationScoped
public class PriceService {

    private final Sql sql;
    private final PriceTransitions transitions;
    private final Clock clock;

    PriceService(Sql sql, PriceTransitions transitions, Clock clock) {
        this.sql = sql;
        this.transitions = transitions;
        this.clock = clock;
    }

    /**
     * Sets prices for one or many configurations, all or nothing. Configurations are locked in id order, so
     * concurrent requests for the same configuration run one after the other and the later one sees the earlier's
     * price. A refusal names the field ({@code items[i].…}) and the stored price it clashes with.
     */
    @Transactional
    public List<PriceView> setPrices(@NotEmpty List<@Valid PriceForConfiguration> items, Actor actor) {
        return setPrices(items, ItemFields.in("items"), actor);
    }

    /** {@code fields}: how refusals name an item's fields, as the caller received them. */
    @Transactional
    public List<PriceView> setPrices(@NotEmpty List<@Valid PriceForConfiguration> items, ItemFields fields, Actor actor) {
        var rows = PriceItems.of(items);
        checkWindows(rows, fields);
        lockConfigurations(rows, fields);
        transitions.holdOffTheJob();
        var now = clock.instant();
        closeOpenEndedPredecessors(rows, now, actor);
        refuseOverlaps(rows, fields);
        List<Long> ids = sql.list(insert(rows) + " returning id", insertParams(rows, now, actor), r -> r.getLong("id"));
        transitions.apply(now, items.stream().map(PriceForConfiguration::configId).toArray(Long[]::new), actor);
        return prices(ids, now);
    }

    /**
     * Stages a request too large for a list: {@code select} (with {@code params}) yields its items as
     * {@code (ref, config_id, price, valid_from, valid_to)}, {@code ref} ordering them (item i is the i-th by ref).
     * The staged request lives until the transaction ends. Returns how many items it has.
     */
    long stage(String select, List<?> params) {
        sql.update("drop table if exists pg_temp." + PriceItems.STAGED_TABLE, List.of());
        sql.update("create temp table " + PriceItems.STAGED_TABLE + " (ord bigint not null, ref bigint not null,"
                + " config_id bigint not null, price numeric not null, valid_from timestamptz not null,"
                + " valid_to timestamptz) on commit drop", List.of());
        long staged = sql.update("insert into " + PriceItems.STAGED_TABLE + " select row_number() over (order by ref),"
                + " ref, config_id, price, valid_from, valid_to from (" + select + ") s", params);
        sql.update("analyze " + PriceItems.STAGED_TABLE, List.of());
        return staged;
    }

    /** The caller's reference of staged item {@code index} (from 0, as refusals name it). */
    long stagedRef(int index) {
        return sql.one("select ref from " + PriceItems.STAGED_TABLE + " where ord = ?", List.of(index + 1L),
                r -> r.getLong("ref")).orElseThrow();
    }

    /**
     * {@link #setPrices} over the staged request ({@link #stage}), in the same statements whatever its size, inside
     * the caller's transaction. Returns how many prices were set.
     */
    long setStagedPrices(ItemFields fields, Actor actor) {
        var rows = PriceItems.STAGED;
        checkWindows(rows, fields);
        lockConfigurations(rows, fields);
        transitions.holdOffTheJob();
        var now = clock.instant();
        closeOpenEndedPredecessors(rows, now, actor);
        refuseOverlaps(rows, fields);
        long inserted = sql.update(insert(rows), insertParams(rows, now, actor));
        transitions.applyToSelected(now, "select config_id from " + PriceItems.STAGED_TABLE, actor);
        return inserted;
    }

    /**
     * What {@link #setStagedPrices} would refuse, writing nothing (the import's dry run): its window rules and its
     * overlap check, with the open-ended prices it would close taken as closed. Configuration ids below 0 stand for
     * configurations the caller would create first (they have no stored prices).
     */
    void checkStagedPrices(ItemFields fields) {
        checkWindows(PriceItems.STAGED, fields);
        refuseOverlaps(PriceItems.STAGED, fields);
    }

    /** Withdraws a price: it never applies again and frees its window. */
    @Transactional
    public PriceView disable(long priceId, Actor actor) {
        var now = clock.instant();
        int changed = sql.update("update catalog_price set state = 'DISABLED', changed_at = ?, changed_by = ? where id = ?",
                List.of(now, actor.name(), priceId));
        if (changed == 0) {
            throw new DomainException.NotFound("price", priceId);
        }
        return prices(List.of(priceId), now).get(0);
    }

    /** The price in force at {@code at}, straight from the windows, so right even if the scheduler is late. */
    @Transactional
    public EffectivePrice effectivePrice(long configId, Instant at) {
        return sql.one("""
                select p.id, p.price, p.valid_from, p.valid_to from catalog_config cf
                  left join catalog_price p on p.config_id = cf.id and not p.disabled
                       and tstzrange(p.valid_from, p.valid_to) @> ?::timestamptz
                 where cf.id = ?""",
                List.of(at, configId),
                r -> new EffectivePrice(configId, at, r.getLongOrNull("id"), r.getDecimal("price"),
                        r.getInstant("valid_from"), r.getInstant("valid_to")))
                .orElseThrow(() -> new DomainException.NotFound("configuration", configId));
    }

    @Transactional
    public List<PriceView> pricesOf(long configId) {
        return sql.list(PRICE_SELECT + " where p.config_id = ? order by p.valid_from", List.of(clock.instant(), configId),
                CatalogRows::price);
    }

    /** Prices with their catalog and their state at clock.now (the one rule: {@link CatalogRows#PRICE_STATE}). */
    private static final String PRICE_SELECT = CatalogRows.CLOCK + "select p.*, cf.catalog_id, " + CatalogRows.PRICE_STATE
            + " as price_state from clock, catalog_price p join catalog_config cf on cf.id = p.config_id";

    private List<PriceView> prices(List<Long> ids, Instant now) {
        return sql.list(PRICE_SELECT + " where p.id = any(?) order by p.id", List.of(now, ids.toArray(Long[]::new)),
                CatalogRows::price);
    }

    /**
     * validTo after validFrom (the first such item), then no two items of one request overlapping for the same
     * configuration: by configuration id, each item against the one before it by validFrom (then request order).
     */
    private void checkWindows(PriceItems items, ItemFields fields) {
        sql.list("""
                with i as (%s),
                ordered as (select ord, config_id, valid_from, lag(ord) over w as earlier, lag(valid_to) over w as earlier_to
                              from i window w as (partition by config_id order by valid_from, ord))
                (select 1 as rule, ord, null::bigint as earlier, config_id from i where valid_to <= valid_from
                  order by ord limit 1)
                union all
                (select 2, ord, earlier, config_id from ordered
                  where earlier is not null and (earlier_to is null or earlier_to > valid_from)
                  order by config_id, valid_from, ord limit 1)
                order by rule limit 1""".formatted(items.rows()), items.params(),
                r -> r.getLong("rule") == 1
                        ? new DomainException.InvalidInput(fields.name((int) r.getLong("ord") - 1, "validTo"),
                                "validTo must be after validFrom")
                        : new DomainException.InvalidInput(fields.name((int) r.getLong("ord") - 1, "validFrom"),
                                "overlaps item " + (r.getLong("earlier") - 1) + " of this request for configuration "
                                        + r.getLong("config_id")))
                .stream().findFirst().ifPresent(e -> {
                    throw e;
                });
    }

    private void lockConfigurations(PriceItems items, ItemFields fields) {
        // count(*) reads the locking subquery to its end: every configuration is locked, in id order
        sql.one("select count(*) from (select id from catalog_config where id in (select config_id from "
                + items.from() + ") order by id for update) locked", items.params(), r -> r.getLong("count"));
        sql.one("select ord, config_id from " + items.from() + " where not exists (select from catalog_config c"
                + " where c.id = i.config_id) order by ord limit 1", items.params(),
                r -> new DomainException.InvalidInput(fields.name((int) r.getLong("ord") - 1, "configId"),
                        "configuration " + r.getLong("config_id") + " does not exist"))
                .ifPresent(e -> {
                    throw e;
                });
    }

    /** The seed's "set end date for old prices": an open-ended price ends where a later new one starts. */
    private void closeOpenEndedPredecessors(PriceItems items, Instant now, Actor actor) {
        var params = new ArrayList<Object>(List.of(now, actor.name()));
        params.addAll(items.params());
        sql.update("""
                update catalog_price p set valid_to = first.valid_from, changed_at = ?, changed_by = ?
                  from (select config_id, min(valid_from) as valid_from from %s group by config_id) first
                 where p.config_id = first.config_id and not p.disabled and p.valid_to is null
                   and p.valid_from < first.valid_from""".formatted(items.from()), params);
    }

    /**
     * A stored price's end is taken as {@link #closeOpenEndedPredecessors} sets it (a no-op once it has run), so the
     * check gives the same verdict before the write, in a dry run.
     */
    private void refuseOverlaps(PriceItems items, ItemFields fields) {
        sql.list("""
                with i as (%s),
                first as (select config_id, min(valid_from) valid_from from i group by config_id),
                stored as (select p.id, p.config_id, p.price, p.valid_from,
                                  case when p.valid_to is null and p.valid_from < f.valid_from then f.valid_from
                                       else p.valid_to end valid_to
                             from catalog_price p join first f on f.config_id = p.config_id
                            where not p.disabled)
                select i.ord, i.config_id, p.id, p.price, p.valid_from, p.valid_to
                  from i join stored p on p.config_id = i.config_id
                   and tstzrange(p.valid_from, p.valid_to) && tstzrange(i.valid_from, i.valid_to)
                 order by i.ord, p.valid_from limit 1""".formatted(items.rows()), items.params(),
                r -> new Overlap((int) r.getLong("ord") - 1, r.getLong("config_id"), r.getLong("id"),
                        r.getDecimal("price"), r.getInstant("valid_from"), r.getInstant("valid_to")))
                .stream().findFirst().ifPresent(o -> {
                    throw new DomainException.Conflict(fields.name(o.index, "validFrom"), "overlaps price " + o.priceId
                            + " (" + o.price.toPlainString() + " from " + o.from + " to " + (o.to == null ? "open end" : o.to)
                            + ") of configuration " + o.configId, "price/" + o.priceId);
                });
    }

    private static String insert(PriceItems items) {
        return """
                insert into catalog_price (config_id, price, valid_from, valid_to, state,
                                           created_at, created_by, changed_at, changed_by)
                select i.config_id, i.price, i.valid_from, i.valid_to, 'SCHEDULED', ?, ?, ?, ?
                  from %s
                 order by i.ord""".formatted(items.from());
    }

    private static List<Object> insertParams(PriceItems items, Instant now, Actor actor) {
        var params = new ArrayList<Object>(List.of(now, actor.name(), now, actor.name()));
        params.addAll(items.params());
        return params;
    }

    private record Overlap(int index, long configId, long priceId, BigDecimal price, Instant from, Instant to) {
    }
}
