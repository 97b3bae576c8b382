package io.loadout.catalog;

import static io.loadout.shared.Text.strippedOrNull;

import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.CatalogView;
import io.loadout.catalog.CatalogViews.ConfigView;
import io.loadout.catalog.CatalogViews.VersionView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Creates the product hierarchy and changes statuses. Codes and audit columns are filled here and in the schema. */
@ApplicationScoped
public class CatalogService {

    /** The levels whose status can change; an INACTIVE level hides everything below it from sale. */
    public enum Level {
        BASE_PRODUCT("base_product", null, "base product"),
        VERSION("product_version", "base_product_id", "version"),
        CATALOG("catalog", "version_id", "catalog"),
        CONFIGURATION("catalog_config", "catalog_id", "configuration");

        final String table;
        /** The column naming the parent row; names are unique (any case) among siblings. */
        final String parentColumn;
        final String label;

        Level(String table, String parentColumn, String label) {
            this.table = table;
            this.parentColumn = parentColumn;
            this.label = label;
        }
    }

    static final String CATALOG_SELECT = "select c.*, v.base_product_id, " + CatalogRows.IMAGES_JSON
            + " from catalog c join product_version v on v.id = c.version_id";
    static final String CONFIG_SELECT = "select cf.*, c.item_type from catalog_config cf join catalog c on c.id = cf.catalog_id";

    private final Sql sql;
    private final CatalogRows rows;
    private final Clock clock;

    CatalogService(Sql sql, CatalogRows rows, Clock clock) {
        this.sql = sql;
        this.rows = rows;
        this.clock = clock;
    }

    @Transactional
    public BaseProductView createBaseProduct(@Valid @NotNull NewBaseProduct cmd, Actor actor) {
        requireNameFree(Level.BASE_PRODUCT, null, cmd.name(), "the catalog");
        var now = clock.instant();
        return sql.one("""
                insert into base_product (name, item_type, sub_type, brand, model, status, description,
                                          created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                params(cmd.name().strip(), cmd.itemType(), cmd.subType().strip().toUpperCase(Locale.ROOT),
                        strippedOrNull(cmd.brand()), strippedOrNull(cmd.model()), statusOrActive(cmd.status()), strippedOrNull(cmd.description()),
                        now, actor.name(), now, actor.name()),
                rows::baseProduct).orElseThrow();
    }

    @Transactional
    public VersionView addVersion(long baseProductId, @Valid @NotNull NewVersion cmd, Actor actor) {
        requireExists(Level.BASE_PRODUCT, baseProductId);
        requireNameFree(Level.VERSION, baseProductId, cmd.name(), "base product " + baseProductId);
        var now = clock.instant();
        return sql.one("""
                insert into product_version (base_product_id, name, description, status,
                                             created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                params(baseProductId, cmd.name().strip(), strippedOrNull(cmd.description()), statusOrActive(cmd.status()),
                        now, actor.name(), now, actor.name()),
                rows::version).orElseThrow();
    }

    /** Parts and accessories get their default configuration in the same transaction, from the catalog's details. */
    @Transactional
    public CatalogView createCatalog(@Valid @NotNull NewCatalog cmd, Actor actor) {
        ItemType productType = productTypeOfVersion(cmd.versionId());
        requireProductType(cmd, productType);
        requireNameFree(Level.CATALOG, cmd.versionId(), cmd.name(), "version " + cmd.versionId());
        var now = clock.instant();
        long id = sql.one("""
                insert into catalog (version_id, name, year, hsn_code, weight, colour, item_type, selling_type, gst_rate,
                                     status, description, created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                params(cmd.versionId(), cmd.name().strip(), strippedOrNull(cmd.year()), cmd.hsnCode().strip(), cmd.weight(),
                        cmd.colour().strip(), productType, cmd.sellingType(), cmd.gstRate(), statusOrActive(cmd.status()),
                        strippedOrNull(cmd.description()), now, actor.name(), now, actor.name()),
                r -> r.getLong("id")).orElseThrow();
        if (productType.getsDefaultConfiguration()) {
            insertConfiguration(id, defaultConfiguration(cmd), true, actor);
        }
        return catalog(id);
    }

    @Transactional
    public ConfigView addConfiguration(long catalogId, @Valid @NotNull NewConfiguration cmd, Actor actor) {
        requireExists(Level.CATALOG, catalogId);
        requireNameFree(Level.CONFIGURATION, catalogId, cmd.name(), "catalog " + catalogId);
        return configuration(insertConfiguration(catalogId, cmd, false, actor));
    }

    @Transactional
    public void changeStatus(Level level, long id, ProductStatus status, Actor actor) {
        Objects.requireNonNull(status, "status");
        int changed = sql.update("update " + level.table + " set status = ?, changed_at = ?, changed_by = ? where id = ?",
                params(status, clock.instant(), actor.name(), id));
        if (changed == 0) {
            throw new DomainException.NotFound(level.label, id);
        }
    }

    @Transactional
    public BaseProductView baseProduct(long id) {
        return sql.one("select * from base_product where id = ?", List.of(id), rows::baseProduct)
                .orElseThrow(() -> new DomainException.NotFound("base product", id));
    }

    @Transactional
    public List<VersionView> versions(Long baseProductId) {
        var where = new Where().equal("base_product_id", baseProductId);
        return sql.list("select * from product_version" + where.sql() + " order by base_product_id, lower(name)",
                where.params(), rows::version);
    }

    @Transactional
    public VersionView version(long id) {
        return sql.one("select * from product_version where id = ?", List.of(id), rows::version)
                .orElseThrow(() -> new DomainException.NotFound("version", id));
    }

    /** A catalog with its images and configurations (the seed's ProductCatalog). */
    @Transactional
    public CatalogView catalog(long id) {
        var configurations = sql.list(CONFIG_SELECT + " where cf.catalog_id = ? order by cf.id", List.of(id), rows::config);
        return sql.one(CATALOG_SELECT + " where c.id = ?", List.of(id), r -> rows.catalog(r, configurations))
                .orElseThrow(() -> new DomainException.NotFound("catalog", id));
    }

    @Transactional
    public ConfigView configuration(long id) {
        return sql.one(CONFIG_SELECT + " where cf.id = ?", List.of(id), rows::config)
                .orElseThrow(() -> new DomainException.NotFound("configuration", id));
    }

    /** The item type of the version's base product. */
    ItemType productTypeOfVersion(long versionId) {
        return sql.one("""
                select b.item_type from product_version v join base_product b on b.id = v.base_product_id where v.id = ?""",
                List.of(versionId), r -> r.getEnum("item_type", ItemType.class))
                .orElseThrow(() -> new DomainException.InvalidInput("versionId", "version " + versionId + " does not exist"));
    }

    /** A catalog is of its base product's item type (the import's dry run applies it without creating). */
    static void requireProductType(NewCatalog cmd, ItemType productType) {
        if (cmd.itemType() != null && cmd.itemType() != productType) {
            throw new DomainException.InvalidInput("itemType", "itemType must be the base product's item type, "
                    + productType);
        }
    }

    /** The row of that level named {@code name} (any case) under the parent (null for base products). */
    Optional<Long> idByName(Level level, Long parentId, String name) {
        var where = new Where().add("lower(name) = lower(?)", name.strip());
        if (level.parentColumn != null) {
            where.add(level.parentColumn + " = ?", parentId);
        }
        return sql.one("select id from " + level.table + where.sql(), where.params(), r -> r.getLong("id"));
    }

    void requireExists(Level level, long id) {
        if (sql.one("select 1 from " + level.table + " where id = ?", List.of(id), r -> 1).isEmpty()) {
            throw new DomainException.NotFound(level.label, id);
        }
    }

    private void requireNameFree(Level level, Long parentId, String name, String owner) {
        if (idByName(level, parentId, name).isPresent()) {
            throw new DomainException.Conflict("name", owner + " already has a " + level.label + " named '"
                    + name.strip() + "'");
        }
    }

    private long insertConfiguration(long catalogId, NewConfiguration cmd, boolean isDefault, Actor actor) {
        var now = clock.instant();
        return sql.one("""
                insert into catalog_config (catalog_id, name, description, additional_infos, status, is_default,
                                            created_at, created_by, changed_at, changed_by)
                values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?) returning id""",
                params(catalogId, cmd.name().strip(), strippedOrNull(cmd.description()), rows.infosJson(cmd.additionalInfos()),
                        statusOrActive(cmd.status()), isDefault, now, actor.name(), now, actor.name()),
                r -> r.getLong("id")).orElseThrow();
    }

    /** The configuration a part or accessory is sold as: the catalog itself, its details as additional infos. */
    static NewConfiguration defaultConfiguration(NewCatalog catalog) {
        var infos = new ArrayList<AdditionalInfo>();
        infos.add(new AdditionalInfo("Colour", catalog.colour().strip()));
        if (catalog.year() != null && !catalog.year().isBlank()) {
            infos.add(new AdditionalInfo("Year", catalog.year().strip()));
        }
        infos.add(new AdditionalInfo("Weight", catalog.weight().stripTrailingZeros().toPlainString()));
        infos.add(new AdditionalInfo("HSN Code", catalog.hsnCode().strip()));
        return new NewConfiguration(catalog.name().strip(), catalog.description(), infos, catalog.status());
    }

    static ProductStatus statusOrActive(ProductStatus status) {
        return status == null ? ProductStatus.ACTIVE : status;
    }

    static List<Object> params(Object... values) {
        return Arrays.asList(values);
    }
}
