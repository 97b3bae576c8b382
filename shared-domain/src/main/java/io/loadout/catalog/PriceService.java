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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Dated prices. At any instant at most one non-disabled price covers a configuration: the exclusion constraint
 * {@code catalog_price_no_overlap} guarantees it; this service explains refusals and applies the seed's rule that a
 * new price starting after the current open-ended one ends that one at the new start.
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
        checkWindows(items, fields);
        Long[] configIds = items.stream().map(PriceForConfiguration::configId).toArray(Long[]::new);
        lockConfigurations(items, configIds, fields);
        var now = clock.instant();
        closeOpenEndedPredecessors(items, now, actor);
        refuseOverlaps(items, fields);
        List<Long> ids = insert(items, now, actor);
        transitions.apply(now, configIds, actor);
        return prices(ids, now);
    }

    /**
     * What {@link #setPrices} would refuse, writing nothing (the import's dry run): its window rules and its overlap
     * check, with the open-ended prices it would close taken as closed. Configuration ids below 0 stand for
     * configurations the caller would create first (they have no stored prices).
     */
    void checkPrices(List<PriceForConfiguration> items, ItemFields fields) {
        checkWindows(items, fields);
        refuseOverlaps(items, fields);
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
                  left join catalog_price p on p.config_id = cf.id and p.state <> 'DISABLED'
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

    /** validTo after validFrom, and no two items of one request overlapping for the same configuration. */
    static void checkWindows(List<PriceForConfiguration> items, ItemFields fields) {
        Map<Long, List<Integer>> byConfig = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            var item = items.get(i);
            if (item.validTo() != null && !item.validTo().isAfter(item.validFrom())) {
                throw new DomainException.InvalidInput(fields.name(i, "validTo"), "validTo must be after validFrom");
            }
            byConfig.computeIfAbsent(item.configId(), k -> new ArrayList<>()).add(i);
        }
        for (var indexes : byConfig.values()) {
            indexes.sort(Comparator.comparing(i -> items.get(i).validFrom()));
            for (int k = 1; k < indexes.size(); k++) {
                var earlier = items.get(indexes.get(k - 1));
                var later = items.get(indexes.get(k));
                if (earlier.validTo() == null || earlier.validTo().isAfter(later.validFrom())) {
                    throw new DomainException.InvalidInput(fields.name(indexes.get(k), "validFrom"),
                            "overlaps item " + indexes.get(k - 1) + " of this request for configuration " + later.configId());
                }
            }
        }
    }

    private void lockConfigurations(List<PriceForConfiguration> items, Long[] configIds, ItemFields fields) {
        var found = new HashSet<>(sql.list("select id from catalog_config where id = any(?) order by id for update",
                List.of((Object) configIds), r -> r.getLong("id")));
        IntStream.range(0, items.size()).filter(i -> !found.contains(items.get(i).configId())).findFirst().ifPresent(i -> {
            throw new DomainException.InvalidInput(fields.name(i, "configId"),
                    "configuration " + items.get(i).configId() + " does not exist");
        });
    }

    /** The seed's "set end date for old prices": an open-ended price ends where a later new one starts. */
    private void closeOpenEndedPredecessors(List<PriceForConfiguration> items, Instant now, Actor actor) {
        sql.update("""
                update catalog_price p set valid_to = first.valid_from, changed_at = ?, changed_by = ?
                  from (select config_id, min(valid_from) as valid_from
                          from unnest(?::bigint[], ?::timestamptz[]) as i(config_id, valid_from) group by config_id) first
                 where p.config_id = first.config_id and p.state <> 'DISABLED' and p.valid_to is null
                   and p.valid_from < first.valid_from""",
                List.of(now, actor.name(), column(items, PriceForConfiguration::configId, Long[]::new),
                        column(items, PriceForConfiguration::validFrom, Instant[]::new)));
    }

    /**
     * A stored price's end is taken as {@link #closeOpenEndedPredecessors} sets it (a no-op once it has run), so the
     * check gives the same verdict before the write, in a dry run.
     */
    private void refuseOverlaps(List<PriceForConfiguration> items, ItemFields fields) {
        sql.list("""
                with i as (select * from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[])
                                         with ordinality as i(config_id, valid_from, valid_to, ord)),
                first as (select config_id, min(valid_from) valid_from from i group by config_id),
                stored as (select p.id, p.config_id, p.price, p.valid_from,
                                  case when p.valid_to is null and p.valid_from < f.valid_from then f.valid_from
                                       else p.valid_to end valid_to
                             from catalog_price p join first f on f.config_id = p.config_id
                            where p.state <> 'DISABLED')
                select i.ord, p.id, p.price, p.valid_from, p.valid_to
                  from i join stored p on p.config_id = i.config_id
                   and tstzrange(p.valid_from, p.valid_to) && tstzrange(i.valid_from, i.valid_to)
                 order by i.ord, p.valid_from limit 1""",
                List.of(column(items, PriceForConfiguration::configId, Long[]::new),
                        column(items, PriceForConfiguration::validFrom, Instant[]::new),
                        column(items, PriceForConfiguration::validTo, Instant[]::new)),
                r -> new Overlap((int) r.getLong("ord") - 1, r.getLong("id"), r.getDecimal("price"),
                        r.getInstant("valid_from"), r.getInstant("valid_to")))
                .stream().findFirst().ifPresent(o -> {
                    throw new DomainException.Conflict(fields.name(o.index, "validFrom"), "overlaps price " + o.priceId
                            + " (" + o.price.toPlainString() + " from " + o.from + " to " + (o.to == null ? "open end" : o.to)
                            + ") of configuration " + items.get(o.index).configId(), "price/" + o.priceId);
                });
    }

    private List<Long> insert(List<PriceForConfiguration> items, Instant now, Actor actor) {
        return sql.list("""
                insert into catalog_price (config_id, price, valid_from, valid_to, state,
                                           created_at, created_by, changed_at, changed_by)
                select i.config_id, i.price, i.valid_from, i.valid_to, 'SCHEDULED', ?, ?, ?, ?
                  from unnest(?::bigint[], ?::numeric[], ?::timestamptz[], ?::timestamptz[])
                       with ordinality as i(config_id, price, valid_from, valid_to, ord)
                 order by i.ord
                returning id""",
                List.of(now, actor.name(), now, actor.name(),
                        column(items, PriceForConfiguration::configId, Long[]::new),
                        column(items, PriceForConfiguration::price, BigDecimal[]::new),
                        column(items, PriceForConfiguration::validFrom, Instant[]::new),
                        column(items, PriceForConfiguration::validTo, Instant[]::new)),
                r -> r.getLong("id"));
    }

    private record Overlap(int index, long priceId, BigDecimal price, Instant from, Instant to) {
    }

    private static <T> T[] column(List<PriceForConfiguration> items, java.util.function.Function<PriceForConfiguration, T> get,
                                  java.util.function.IntFunction<T[]> array) {
        return items.stream().map(get).toArray(array);
    }
}
