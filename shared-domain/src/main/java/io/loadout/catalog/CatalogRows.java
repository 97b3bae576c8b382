package io.loadout.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.catalog.CatalogViews.Audit;
import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.CatalogInformation;
import io.loadout.catalog.CatalogViews.CatalogView;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.catalog.CatalogViews.ConfigView;
import io.loadout.catalog.CatalogViews.ImageView;
import io.loadout.catalog.CatalogViews.PriceDetail;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.catalog.CatalogViews.VersionView;
import io.loadout.shared.Sql.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;

/** The catalog's SQL building blocks: the joined views' FROM clauses, their columns, and row → view mapping. */
@ApplicationScoped
class CatalogRows {

    /** First parameter of every query using it: the instant "now" that price states and effective prices refer to. */
    static final String CLOCK = "with clock as (select ?::timestamptz as now) ";

    /** A price's state at clock.now, from its window; the stored state only matters once DISABLED. */
    static final String PRICE_STATE = """
            case when p.disabled then 'DISABLED' when p.valid_from > clock.now then 'SCHEDULED'
                 when p.valid_to <= clock.now then 'INACTIVE' else 'ACTIVE' end""";

    static final String CATALOG_CHAIN = """
            catalog c join product_version v on v.id = c.version_id join base_product b on b.id = v.base_product_id""";

    static final String CATALOG_SALEABLE = """
            (b.status = 'ACTIVE' and v.status = 'ACTIVE' and c.status = 'ACTIVE' and c.selling_type = 'SALEABLE')""";

    static final String IMAGES_JSON = """
            (select coalesce(jsonb_agg(jsonb_build_object('imageId', i.id, 'objectName', i.object_name, 'width', i.width,
                     'height', i.height, 'sizeBytes', i.size_bytes, 'originalName', i.original_name,
                     'createdAt', i.created_at) order by i.created_at, i.id), '[]'::jsonb)
             from catalog_image i where i.catalog_id = c.id) as images""";

    static final String CATALOG_INFO_COLUMNS = """
            c.id as catalog_id, v.id as version_id, b.id as base_product_id, c.name as catalog_name,
            c.code as catalog_code, b.name as base_product_name, b.brand, b.model, c.colour, c.item_type, b.sub_type,
            v.name as version_name, c.description as catalog_description, c.year, c.hsn_code, c.weight, c.gst_rate,
            c.status as catalog_status, c.selling_type, """ + CATALOG_SALEABLE + " as catalog_saleable";

    /** The price in force at clock.now for configuration cf (at most one, by the exclusion constraint). */
    static final String EFFECTIVE_PRICE_JOIN = """
            left join lateral (select p.id, p.price from catalog_price p
                               where p.config_id = cf.id and not p.disabled
                                 and tstzrange(p.valid_from, p.valid_to) @> clock.now) ep on true""";

    static final String CONFIG_SALEABLE = "(" + CATALOG_SALEABLE + " and cf.status = 'ACTIVE' and ep.id is not null)";

    private static final TypeReference<List<AdditionalInfo>> INFOS = new TypeReference<>() {
    };
    private static final TypeReference<List<ImageView>> IMAGES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    CatalogRows(ObjectMapper json) {
        this.json = json;
    }

    static Audit audit(Row r) throws SQLException {
        return new Audit(r.getInstant("created_at"), r.getString("created_by"), r.getInstant("changed_at"),
                r.getString("changed_by"));
    }

    BaseProductView baseProduct(Row r) throws SQLException {
        return new BaseProductView(r.getLong("id"), r.getString("code"), r.getString("name"),
                r.getEnum("item_type", ItemType.class), r.getString("sub_type"), r.getString("brand"),
                r.getString("model"), r.getEnum("status", ProductStatus.class), r.getString("description"), audit(r));
    }

    VersionView version(Row r) throws SQLException {
        return new VersionView(r.getLong("id"), r.getLong("base_product_id"), r.getString("name"),
                r.getString("description"), r.getEnum("status", ProductStatus.class), audit(r));
    }

    /** A catalog row (with {@code base_product_id} and {@code images}); configurations are attached by the caller. */
    CatalogView catalog(Row r, List<ConfigView> configurations) throws SQLException {
        return new CatalogView(r.getLong("id"), r.getString("code"), r.getLong("version_id"),
                r.getLong("base_product_id"), r.getString("name"), r.getString("year"), r.getString("hsn_code"),
                r.getDecimal("weight"), r.getString("colour"), r.getEnum("item_type", ItemType.class),
                r.getEnum("selling_type", SellingType.class), r.getEnum("gst_rate", GstRate.class),
                r.getEnum("status", ProductStatus.class), r.getString("description"), images(r),
                configurations, audit(r));
    }

    ConfigView config(Row r) throws SQLException {
        return new ConfigView(r.getLong("id"), r.getString("code"), r.getLong("catalog_id"), r.getString("name"),
                r.getString("description"), infos(r), r.getEnum("status", ProductStatus.class),
                r.getBoolean("is_default"), r.getEnum("item_type", ItemType.class), audit(r));
    }

    /** A price row with {@code catalog_id} and {@code price_state} ({@link #PRICE_STATE}). */
    static PriceView price(Row r) throws SQLException {
        return new PriceView(r.getLong("id"), r.getLong("config_id"), r.getLong("catalog_id"), r.getDecimal("price"),
                r.getInstant("valid_from"), r.getInstant("valid_to"), r.getEnum("price_state", PriceState.class), audit(r));
    }

    CatalogInformation catalogInformation(Row r) throws SQLException {
        return new CatalogInformation(r.getLong("catalog_id"), r.getLong("version_id"), r.getLong("base_product_id"),
                r.getString("catalog_name"), r.getString("catalog_code"), r.getString("base_product_name"),
                r.getString("brand"), r.getString("model"), r.getString("colour"), r.getEnum("item_type", ItemType.class),
                r.getString("sub_type"), r.getString("version_name"), r.getString("catalog_description"),
                r.getString("year"), r.getString("hsn_code"), r.getDecimal("weight"),
                r.getEnum("gst_rate", GstRate.class), r.getEnum("catalog_status", ProductStatus.class),
                r.getEnum("selling_type", SellingType.class), r.getBoolean("catalog_saleable"), images(r));
    }

    ConfigInformation configInformation(Row r) throws SQLException {
        Long priceId = r.getLongOrNull("active_price_id");
        return new ConfigInformation(r.getLong("config_id"), r.getString("config_name"), r.getString("config_code"),
                r.getEnum("config_status", ProductStatus.class), infos(r), r.getDecimal("active_price"), priceId,
                priceId == null ? PriceState.NONE : PriceState.ACTIVE, r.getBoolean("config_saleable"),
                catalogInformation(r));
    }

    static PriceDetail priceDetail(Row r) throws SQLException {
        return new PriceDetail(r.getLong("id"), r.getLong("config_id"), r.getLong("catalog_id"), r.getDecimal("price"),
                r.getInstant("valid_from"), r.getInstant("valid_to"), r.getEnum("price_state", PriceState.class),
                r.getString("config_code"), r.getString("config_name"), r.getString("catalog_name"),
                r.getString("catalog_code"), audit(r));
    }

    List<AdditionalInfo> infos(Row r) throws SQLException {
        return read(r.getString("additional_infos"), INFOS);
    }

    String infosJson(List<AdditionalInfo> infos) {
        try {
            return json.writeValueAsString(infos == null ? List.of() : infos);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ImageView> images(Row r) throws SQLException {
        return read(r.getString("images"), IMAGES);
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        try {
            return text == null ? List.of() : json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
