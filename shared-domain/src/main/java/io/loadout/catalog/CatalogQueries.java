package io.loadout.catalog;

import io.loadout.account.Caller;
import io.loadout.catalog.CatalogFilters.BaseProductFilter;
import io.loadout.catalog.CatalogFilters.CatalogFilter;
import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogFilters.PriceFilter;
import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.CatalogInformation;
import io.loadout.catalog.CatalogViews.Choice;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.catalog.CatalogViews.PriceDetail;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The catalog's lists. Each list is one query: filters become a WHERE clause, pages are keyset pages by id (newest
 * first), and the {@code export} variants run the very same query through a cursor for the .xlsx export.
 */
@ApplicationScoped
public class CatalogQueries {

    private static final int EXPORT_FETCH_SIZE = 1000;

    private final Sql sql;
    private final CatalogRows rows;
    private final Clock clock;

    CatalogQueries(Sql sql, CatalogRows rows, Clock clock) {
        this.sql = sql;
        this.rows = rows;
        this.clock = clock;
    }

    /** A list query: its SQL up to (excluding) ORDER BY, its parameters, and the id column pages are keyed on. */
    private record Query<T>(String select, Where where, String idColumn, Sql.RowMapper<T> mapper) {
    }

    /**
     * What a CLIENT may read of one catalog (its images) or one configuration (its effective price): only what its
     * saleable lists show, by the same rule. Anything else is "not found", never "forbidden", so ids cannot be probed.
     */
    @Transactional
    public void requireVisibleCatalog(long catalogId, Caller caller) {
        if (!caller.isAdmin() && catalogs(new CatalogFilter(catalogId, null, null, null, null, null, null, null, null,
                null, null, null, true), PageRequest.first(1)).items().isEmpty()) {
            throw new DomainException.NotFound("catalog", catalogId);
        }
    }

    @Transactional
    public void requireVisibleConfiguration(long configId, Caller caller) {
        if (!caller.isAdmin() && configurations(new ConfigFilter(CatalogFilter.any(), configId, null, null, null, null)
                .saleable(), PageRequest.first(1)).items().isEmpty()) {
            throw new DomainException.NotFound("configuration", configId);
        }
    }

    @Transactional
    public Page<BaseProductView> baseProducts(BaseProductFilter filter, PageRequest page) {
        return page(baseProductQuery(filter), page, BaseProductView::id);
    }

    @Transactional
    public long exportBaseProducts(BaseProductFilter filter, Consumer<BaseProductView> sink) {
        return stream(baseProductQuery(filter), sink);
    }

    @Transactional
    public Page<CatalogInformation> catalogs(CatalogFilter filter, PageRequest page) {
        return page(catalogQuery(filter), page, CatalogInformation::catalogId);
    }

    @Transactional
    public long exportCatalogs(CatalogFilter filter, Consumer<CatalogInformation> sink) {
        return stream(catalogQuery(filter), sink);
    }

    @Transactional
    public Page<ConfigInformation> configurations(ConfigFilter filter, PageRequest page) {
        return page(configQuery(filter), page, ConfigInformation::configId);
    }

    @Transactional
    public long exportConfigurations(ConfigFilter filter, Consumer<ConfigInformation> sink) {
        return stream(configQuery(filter), sink);
    }

    @Transactional
    public Page<PriceDetail> prices(PriceFilter filter, PageRequest page) {
        return page(priceQuery(filter), page, PriceDetail::priceId);
    }

    @Transactional
    public long exportPrices(PriceFilter filter, Consumer<PriceDetail> sink) {
        return stream(priceQuery(filter), sink);
    }

    /** Dropdown lists: every row's id, code and name, by name. */
    @Transactional
    public List<Choice> allBaseProducts() {
        return choices("select id, code, name, status from base_product order by lower(name), id");
    }

    @Transactional
    public List<Choice> allVersions(Long baseProductId) {
        var where = new Where().equal("base_product_id", baseProductId);
        return sql.list("select id, null as code, name, status from product_version" + where.sql()
                + " order by lower(name), id", where.params(), CatalogQueries::choice);
    }

    @Transactional
    public List<Choice> allCatalogs(Long versionId) {
        var where = new Where().equal("version_id", versionId);
        return sql.list("select id, code, name, status from catalog" + where.sql() + " order by lower(name), id",
                where.params(), CatalogQueries::choice);
    }

    @Transactional
    public List<Choice> allConfigurations(Long catalogId) {
        var where = new Where().equal("catalog_id", catalogId);
        return sql.list("select id, code, name, status from catalog_config" + where.sql() + " order by lower(name), id",
                where.params(), CatalogQueries::choice);
    }

    private List<Choice> choices(String query) {
        return sql.list(query, List.of(), CatalogQueries::choice);
    }

    private static Choice choice(Sql.Row r) throws java.sql.SQLException {
        return new Choice(r.getLong("id"), r.getString("code"), r.getString("name"),
                r.getEnum("status", ProductStatus.class));
    }

    private Query<BaseProductView> baseProductQuery(BaseProductFilter f) {
        var where = new Where()
                .equalIgnoreCase("b.code", f.baseProductCode())
                .contains("b.name", f.name())
                .equal("b.item_type", f.itemType())
                .equalIgnoreCase("b.sub_type", f.subItemType())
                .contains("b.brand", f.brand())
                .contains("b.model", f.model())
                .equal("b.status", f.status());
        return new Query<>("select b.* from base_product b", where, "b.id", rows::baseProduct);
    }

    private Query<CatalogInformation> catalogQuery(CatalogFilter f) {
        var where = catalogWhere(f, new Where());
        return new Query<>(CatalogRows.CLOCK + "select " + CatalogRows.CATALOG_INFO_COLUMNS + ", " + CatalogRows.IMAGES_JSON
                + " from clock, " + CatalogRows.CATALOG_CHAIN, where, "c.id", rows::catalogInformation);
    }

    private Query<ConfigInformation> configQuery(ConfigFilter f) {
        var where = catalogWhere(f.catalog(), new Where())
                .equal("cf.id", f.configId())
                .equal("cf.status", f.configStatus())
                .equalIgnoreCase("cf.code", f.catalogConfigCode())
                .contains("cf.name", f.catalogConfigName());
        if (!f.additionalInfos().isEmpty()) {
            where.add("cf.additional_infos @> ?::jsonb", rows.infosJson(f.additionalInfos()));
        }
        if (f.catalog().saleableOnly()) {
            where.add("cf.status = 'ACTIVE'").add("ep.id is not null");
        }
        return new Query<>(CatalogRows.CLOCK + "select " + CatalogRows.CATALOG_INFO_COLUMNS + """
                , cf.id as config_id, cf.name as config_name, cf.code as config_code, cf.status as config_status,
                cf.additional_infos, ep.price as active_price, ep.id as active_price_id,
                """ + CatalogRows.CONFIG_SALEABLE + " as config_saleable, " + CatalogRows.IMAGES_JSON + " from clock, " + CatalogRows.CATALOG_CHAIN
                + " join catalog_config cf on cf.catalog_id = c.id " + CatalogRows.EFFECTIVE_PRICE_JOIN,
                where, "cf.id", rows::configInformation);
    }

    private static Where catalogWhere(CatalogFilter f, Where where) {
        where.equal("c.id", f.catalogId())
                .equal("b.id", f.baseProductId())
                .contains("c.name", f.catalogName())
                .contains("b.name", f.baseProductName())
                .contains("v.name", f.versionName())
                .equalIgnoreCase("c.code", f.catalogCode())
                .contains("b.model", f.model())
                .contains("c.colour", f.color())
                .equal("c.selling_type", f.sellingType())
                .equal("c.item_type", f.itemType())
                .equal("c.status", f.catalogStatus())
                .equalIgnoreCase("b.sub_type", f.subItemType());
        if (f.saleableOnly()) {
            where.add(CatalogRows.CATALOG_SALEABLE);
        }
        return where;
    }

    private Query<PriceDetail> priceQuery(PriceFilter f) {
        var where = new Where()
                .equal("p.config_id", f.configId())
                .equalIgnoreCase("cf.code", f.configCode())
                .contains("cf.name", f.configName());
        if (f.validFrom() != null || f.validTo() != null) {
            where.add("tstzrange(p.valid_from, p.valid_to) && tstzrange(?::timestamptz, ?::timestamptz)",
                    f.validFrom(), f.validTo());
        }
        if (f.status() != null) {
            where.add(CatalogRows.PRICE_STATE + " = ?", f.status());
        }
        return new Query<>(CatalogRows.CLOCK + "select p.*, " + CatalogRows.PRICE_STATE + " as price_state, " + """
                cf.catalog_id, cf.code as config_code, cf.name as config_name, c.name as catalog_name, c.code as catalog_code
                from clock, catalog_price p join catalog_config cf on cf.id = p.config_id join catalog c on c.id = cf.catalog_id""",
                where, "p.id", CatalogRows::priceDetail);
    }

    private <T> Page<T> page(Query<T> q, PageRequest page, ToLongFunction<T> id) {
        return sql.page(q.select(), clockParam(q), q.where(), q.idColumn(), page, q.mapper(), id);
    }

    private <T> long stream(Query<T> q, Consumer<T> sink) {
        var params = new ArrayList<Object>(clockParam(q));
        params.addAll(q.where().params());
        return sql.stream(q.select() + q.where().sql() + " order by " + q.idColumn() + " desc", params,
                EXPORT_FETCH_SIZE, row -> sink.accept(q.mapper().map(row)));
    }

    private List<Object> clockParam(Query<?> q) {
        return q.select().startsWith(CatalogRows.CLOCK) ? List.of(clock.instant()) : List.of();
    }
}
