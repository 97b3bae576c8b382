package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogLines.Line;
import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.shared.CopyRows;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog sheet's valid lines in a staging table ({@code catalog_staged}, streamed in with COPY), and the
 * import's plan over it: per level of the hierarchy one table of the distinct rows the sheet names ({@code
 * catalog_plan_bp}, {@code _version}, {@code _catalog}, {@code _config}), each holding its first line's values (the
 * first line naming a row decides it, as the row-by-row import did), the stored row's id if there is one, and whether
 * that line creates or changes it. The plan is taken from the stored catalog before anything is written, the same
 * way for a dry run and a real import ({@link CatalogWrites} then writes it), so both count alike. Rows are matched
 * as the unique indexes match names: {@code lower(name)} within the parent. Every table is temporary to the job's
 * transaction ({@code on commit drop}).
 */
@ApplicationScoped
class StagedCatalog {

    private static final String COLUMNS = "line, base_product, item_type, sub_type, brand, model, version, catalog,"
            + " year, hsn_code, weight, colour, selling_type, gst_rate, default_infos, configuration, infos, price,"
            + " valid_from, valid_to";

    /** What the caller streams: every valid line of the file, in file order, each handed to the sink. */
    @FunctionalInterface
    interface LineSource {
        void forEach(LineSink sink) throws Exception;
    }

    @FunctionalInterface
    interface LineSink {
        void add(Line line) throws SQLException;
    }

    /** The first refusal of the plan: the file line, and the refusal as the catalog states it. */
    record Refusal(long line, DomainException refusal) {
    }

    private final Sql sql;
    private final CatalogRows rows;

    StagedCatalog(Sql sql, CatalogRows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    /** Creates the staging table and copies the lines into it; returns how many were staged. */
    long stage(LineSource lines) {
        sql.update("drop table if exists pg_temp.catalog_staged", List.of());
        sql.update("""
                create temp table catalog_staged (line bigint not null, base_product text not null,
                  item_type text not null, sub_type text not null, brand text, model text, version text not null,
                  catalog text not null, year text, hsn_code text not null, weight numeric not null,
                  colour text not null, selling_type text not null, gst_rate text not null, default_infos jsonb,
                  configuration text not null, infos jsonb not null, price numeric, valid_from timestamptz,
                  valid_to timestamptz,
                  k_bp text generated always as (lower(base_product)) stored,
                  k_ver text generated always as (lower(version)) stored,
                  k_cat text generated always as (lower(catalog)) stored,
                  k_cfg text generated always as (lower(configuration)) stored) on commit drop""", List.of());
        long staged = sql.copyIn("copy catalog_staged (" + COLUMNS + ") from stdin with (format csv)",
                copy -> lines.forEach(line -> write(copy, line)));
        // a temporary table has no statistics until analysed: the joins below would probe an index per row
        sql.update("analyze catalog_staged", List.of());
        return staged;
    }

    private void write(CopyRows copy, Line line) throws SQLException {
        var product = line.baseProduct();
        var catalog = line.catalog();
        var config = line.configuration();
        copy.number(line.row()).text(product.name()).text(product.itemType().name())
                .text(product.subType().strip().toUpperCase(Locale.ROOT)).text(product.brand()).text(product.model())
                .text(line.version()).text(catalog.name()).text(catalog.year()).text(catalog.hsnCode())
                .number(catalog.weight()).text(catalog.colour()).text(catalog.sellingType().name())
                .text(catalog.gstRate().label()).text(defaultInfos(catalog, product.itemType()))
                .text(config.name()).text(rows.infosJson(config.additionalInfos())).number(line.price())
                .plain(line.validFrom()).plain(line.validTo()).endRow();
    }

    /** The infos of the default configuration the line's catalog gets if the line creates it (none: a vehicle). */
    private String defaultInfos(NewCatalog catalog, ItemType type) {
        return type.getsDefaultConfiguration()
                ? rows.infosJson(CatalogService.defaultConfiguration(catalog).additionalInfos()) : null;
    }

    /** Takes the plan: one statement per level, reading the stored catalog. */
    void plan() {
        sql.update("drop table if exists pg_temp.catalog_plan_bp, pg_temp.catalog_plan_version,"
                + " pg_temp.catalog_plan_catalog, pg_temp.catalog_plan_config", List.of());
        sql.update("""
                create temp table catalog_plan_bp on commit drop as
                select f.line, f.k_bp, f.base_product, f.item_type, f.sub_type, f.brand, f.model, b.id,
                       b.item_type as stored_type, coalesce(b.item_type, f.item_type) as product_type,
                       b.id is null as created, b.id is not null and %s as changed
                  from (select distinct on (k_bp) * from catalog_staged order by k_bp, line) f
                  left join base_product b on lower(b.name) = f.k_bp""".formatted(
                CatalogWrites.baseProductDiffers("b", "f")), List.of());
        sql.update("""
                create temp table catalog_plan_version on commit drop as
                select f.line, f.k_bp, f.k_ver, f.version, v.id, v.id is null as created
                  from (select distinct on (k_bp, k_ver) line, k_bp, k_ver, version from catalog_staged
                         order by k_bp, k_ver, line) f
                  join catalog_plan_bp p on p.k_bp = f.k_bp
                  left join product_version v on v.base_product_id = p.id and lower(v.name) = f.k_ver""", List.of());
        sql.update("""
                create temp table catalog_plan_catalog on commit drop as
                select f.line, f.k_bp, f.k_ver, f.k_cat, f.catalog, f.year, f.hsn_code, f.weight, f.colour,
                       f.item_type, p.product_type, f.selling_type, f.gst_rate, f.default_infos, c.id,
                       c.id is null as created, c.id is not null and %s as changed
                  from (select distinct on (k_bp, k_ver, k_cat) * from catalog_staged
                         order by k_bp, k_ver, k_cat, line) f
                  join catalog_plan_bp p on p.k_bp = f.k_bp
                  join catalog_plan_version pv on pv.k_bp = f.k_bp and pv.k_ver = f.k_ver
                  left join catalog c on c.version_id = pv.id and lower(c.name) = f.k_cat""".formatted(
                CatalogWrites.catalogDiffers("c", "f")), List.of());
        // a configuration named like a new catalog of a part or accessory is the default one its creation makes
        sql.update("""
                create temp table catalog_plan_config on commit drop as
                select line, k_bp, k_ver, k_cat, k_cfg, configuration, infos, id, existing is null as created,
                       existing is not null and %s as changed
                  from (select f.*, cf.id,
                               case when cf.id is not null then cf.additional_infos
                                    when pc.created and f.k_cfg = pc.k_cat then pc.default_infos end as existing
                          from (select distinct on (k_bp, k_ver, k_cat, k_cfg) line, k_bp, k_ver, k_cat, k_cfg,
                                       configuration, infos
                                  from catalog_staged order by k_bp, k_ver, k_cat, k_cfg, line) f
                          join catalog_plan_catalog pc on pc.k_bp = f.k_bp and pc.k_ver = f.k_ver and pc.k_cat = f.k_cat
                          left join catalog_config cf on cf.catalog_id = pc.id and lower(cf.name) = f.k_cfg) x"""
                .formatted(CatalogWrites.configChanges("existing", "x")), List.of());
        sql.update("analyze catalog_plan_bp, catalog_plan_version, catalog_plan_catalog, catalog_plan_config", List.of());
    }

    /**
     * The plan's first refusal, by file line (on one line the base product's before the catalog's): a base product
     * named with another item type than the stored one, or a new catalog whose item type is not its product's.
     */
    Optional<Refusal> firstRefusal() {
        return sql.one("""
                select * from (
                  select line, 1 as level, base_product as name, stored_type, item_type, product_type
                    from catalog_plan_bp where id is not null and stored_type <> item_type
                  union all
                  select line, 2, catalog, null, item_type, product_type
                    from catalog_plan_catalog where created and item_type <> product_type) r
                 order by line, level limit 1""", List.of(), r -> {
            var sheetType = r.getEnum("item_type", ItemType.class);
            var productType = r.getEnum("product_type", ItemType.class);
            try {
                if (r.getLong("level") == 1) {
                    throw CatalogWrites.itemTypeKept(r.getString("name"), r.getEnum("stored_type", ItemType.class),
                            sheetType);
                }
                CatalogService.requireProductType(new NewCatalog(null, r.getString("name"), null, null, null, null,
                        sheetType, null, null, null, null), productType);
                throw new IllegalStateException("catalog refusal not confirmed: " + sheetType + " / " + productType);
            } catch (DomainException e) {
                return new Refusal(r.getLong("line"), e);
            }
        });
    }

    /**
     * A dry run's stand-ins for the ids of the configurations it would create: below 0, numbered as the rows the
     * import would create are, in file order and from base product to configuration on each line.
     */
    void numberPlannedConfigurations() {
        sql.update("""
                update catalog_plan_config e set id = -n.place
                  from (select k_bp, k_ver, k_cat, k_cfg, level, row_number() over (order by line, level) as place
                          from (select line, 1 as level, null k_bp, null k_ver, null k_cat, null k_cfg
                                  from catalog_plan_bp where id is null
                                union all select line, 2, null, null, null, null from catalog_plan_version where id is null
                                union all select line, 3, null, null, null, null from catalog_plan_catalog where id is null
                                union all select line, 4, k_bp, k_ver, k_cat, k_cfg from catalog_plan_config
                                 where id is null) planned) n
                 where n.level = 4 and e.k_bp = n.k_bp and e.k_ver = n.k_ver and e.k_cat = n.k_cat
                   and e.k_cfg = n.k_cfg""", List.of());
    }

    /**
     * Stages the lines' prices as one request of {@link PriceService}, without those stored already exactly (so a
     * re-import adds nothing). Needs every configuration's id (written, or numbered in a dry run).
     */
    long stagePrices(PriceService prices) {
        return prices.stage("""
                select s.line as ref, e.id as config_id, s.price, s.valid_from, s.valid_to
                  from catalog_staged s
                  join catalog_plan_config e on e.k_bp = s.k_bp and e.k_ver = s.k_ver and e.k_cat = s.k_cat
                   and e.k_cfg = s.k_cfg
                 where s.price is not null
                   and not exists (select from catalog_price p
                                    where p.config_id = e.id and not p.disabled and p.price = s.price
                                      and p.valid_from = s.valid_from and p.valid_to is not distinct from s.valid_to)""",
                List.of());
    }

    /**
     * What the lines became: new when a line creates any level, changed when it changes one or adds a price,
     * unchanged otherwise ({@code staged} lines in all).
     */
    Outcomes outcomes(long staged) {
        return sql.one("""
                with marks as (
                  select line, created, changed from catalog_plan_bp
                  union all select line, created, false from catalog_plan_version
                  union all select line, created, changed from catalog_plan_catalog
                  union all select line, created, changed from catalog_plan_config
                  union all select ref, false, true from %s),
                lines as (select line, bool_or(created) as created, bool_or(changed) as changed from marks group by line)
                select count(*) filter (where created) as created, count(*) filter (where changed and not created) as changed
                  from lines""".formatted(PriceItems.STAGED_TABLE), List.of(),
                r -> Outcomes.of(r.getLong("created"), r.getLong("changed"),
                        staged - r.getLong("created") - r.getLong("changed"))).orElseThrow();
    }
}
