package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogLines.Line;
import io.loadout.catalog.CatalogService.Level;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog import's writes, one level of the hierarchy at a time, each saying whether it created or changed a
 * stored row. In a dry run it takes the same decisions by reading only: what would be created gets a placeholder id
 * (below 0, so nothing stored is under it) and what would be updated is compared with the update's own condition
 * ({@code *_DIFFERS}), so a dry run and a real import cannot disagree on "changed".
 */
final class CatalogWrites {

    /** One level's row: its id (a placeholder below 0 in a dry run), and whether the row was new or changed. */
    record Step(long id, boolean created, boolean changed) {
    }

    private static final String BASE_PRODUCT_DIFFERS =
            "(sub_type, brand, model) is distinct from (?, coalesce(?, brand), coalesce(?, model))";
    private static final String CATALOG_DIFFERS = "(year, hsn_code, weight, colour, selling_type, gst_rate)"
            + " is distinct from (?, ?, ?::numeric, ?, ?, ?)";
    private static final String CONFIG_DIFFERS = "additional_infos is distinct from ?::jsonb";

    private final CatalogService catalog;
    private final Sql sql;
    private final CatalogRows rows;
    private final Clock clock;
    private final Actor actor;
    private final boolean dryRun;
    /** Dry run: the item type of each base product and version that would be created, by placeholder id. */
    private final Map<Long, ItemType> plannedTypes = new HashMap<>();
    private long lastPlaceholder;

    CatalogWrites(CatalogService catalog, Sql sql, CatalogRows rows, Clock clock, Actor actor, boolean dryRun) {
        this.catalog = catalog;
        this.sql = sql;
        this.rows = rows;
        this.clock = clock;
        this.actor = actor;
        this.dryRun = dryRun;
    }

    Step baseProduct(Line line) {
        var cmd = line.baseProduct();
        var existing = catalog.idByName(Level.BASE_PRODUCT, null, cmd.name());
        if (existing.isEmpty()) {
            return dryRun ? planned(cmd.itemType()) : created(catalog.createBaseProduct(cmd, actor).id());
        }
        ItemType storedType = catalog.baseProduct(existing.get()).itemType();
        if (storedType != cmd.itemType()) {
            throw new DomainException.InvalidInput("item_type", "base product '" + cmd.name() + "' is "
                    + storedType + ", not " + cmd.itemType());
        }
        String subType = cmd.subType().toUpperCase(Locale.ROOT);
        return updated(existing.get(), "base_product", "sub_type = ?, brand = coalesce(?, brand), model = coalesce(?, model)",
                Arrays.asList(subType, cmd.brand(), cmd.model()), BASE_PRODUCT_DIFFERS,
                Arrays.asList(subType, cmd.brand(), cmd.model()));
    }

    Step version(long baseProductId, Line line) {
        var existing = baseProductId < 0 ? Optional.<Long>empty()
                : catalog.idByName(Level.VERSION, baseProductId, line.version());
        if (existing.isPresent()) {
            return new Step(existing.get(), false, false);
        }
        return dryRun ? planned(typeOf(baseProductId))
                : created(catalog.addVersion(baseProductId, new NewVersion(line.version(), null, null), actor).id());
    }

    Step catalog(long versionId, Line line) {
        var c = line.catalog();
        var existing = versionId < 0 ? Optional.<Long>empty()
                : catalog.idByName(Level.CATALOG, versionId, c.name());
        if (existing.isEmpty()) {
            var cmd = new NewCatalog(versionId, c.name(), c.year(), c.hsnCode(), c.weight(), c.colour(), c.itemType(),
                    c.sellingType(), c.gstRate(), null, null);
            if (!dryRun) {
                return created(catalog.createCatalog(cmd, actor).id());
            }
            // createCatalog's own refusal, against the type the product has or would have
            ItemType productType = versionId < 0 ? plannedTypes.get(versionId) : catalog.productTypeOfVersion(versionId);
            CatalogService.requireProductType(cmd, productType);
            return planned(productType);
        }
        return updated(existing.get(), "catalog", "year = ?, hsn_code = ?, weight = ?, colour = ?, selling_type = ?,"
                        + " gst_rate = ?", Arrays.asList(c.year(), c.hsnCode(), c.weight(), c.colour(), c.sellingType(),
                        c.gstRate()), CATALOG_DIFFERS,
                Arrays.asList(c.year(), c.hsnCode(), c.weight(), c.colour(), c.sellingType(), c.gstRate()));
    }

    Step configuration(long catalogId, Line line) {
        var cmd = line.configuration();
        var existing = catalogId < 0 ? Optional.<Long>empty()
                : catalog.idByName(Level.CONFIGURATION, catalogId, cmd.name());
        if (existing.isEmpty()) {
            return dryRun ? planned(null) : created(catalog.addConfiguration(catalogId, cmd, actor).id());
        }
        if (cmd.additionalInfos() == null || cmd.additionalInfos().isEmpty()) {
            return new Step(existing.get(), false, false);
        }
        String infos = rows.infosJson(cmd.additionalInfos());
        return updated(existing.get(), "catalog_config", "additional_infos = ?::jsonb", List.of(infos), CONFIG_DIFFERS,
                List.of(infos));
    }

    /** Sets {@code assignments} where the stored row differs ({@code differs}); a dry run only asks whether it does. */
    private Step updated(long id, String table, String assignments, List<Object> values, String differs,
                         List<Object> comparedTo) {
        var params = new ArrayList<Object>();
        if (dryRun) {
            params.add(id);
            params.addAll(comparedTo);
            boolean changed = sql.one("select 1 from " + table + " where id = ? and " + differs, params, r -> 1)
                    .isPresent();
            return new Step(id, false, changed);
        }
        params.addAll(values);
        params.addAll(List.of(clock.instant(), actor.name(), id));
        params.addAll(comparedTo);
        int changed = sql.update("update " + table + " set " + assignments + ", changed_at = ?, changed_by = ?"
                + " where id = ? and " + differs, params);
        return new Step(id, false, changed > 0);
    }

    private static Step created(long id) {
        return new Step(id, true, false);
    }

    private Step planned(ItemType type) {
        long id = --lastPlaceholder;
        plannedTypes.put(id, type);
        return new Step(id, true, false);
    }

    private ItemType typeOf(long baseProductId) {
        return baseProductId < 0 ? plannedTypes.get(baseProductId) : catalog.baseProduct(baseProductId).itemType();
    }
}
