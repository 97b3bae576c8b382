package io.loadout.catalog;

import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog import's writes: the plan {@link StagedCatalog} took, carried out level by level in a few set-based
 * statements each, whatever the file's size. Stored rows are updated where they differ from the line that names
 * them first ({@link #baseProductDiffers}, {@link #catalogDiffers}, {@link #configChanges}: the plan counts a row
 * changed by the same conditions), missing rows are inserted in file order (so their codes, from the columns'
 * sequences, follow the file as before), and each level's new ids go back into the plan for the level below. A new
 * catalog of a part or accessory gets its default configuration in the same statement as the other configurations,
 * just before those of its line.
 */
@ApplicationScoped
class CatalogWrites {

    private final Sql sql;

    CatalogWrites(Sql sql) {
        this.sql = sql;
    }

    /** A stored base product differs from a sheet row in sub type, or in a brand or model the row gives. */
    static String baseProductDiffers(String stored, String row) {
        return ("((%1$s.sub_type, %1$s.brand, %1$s.model) is distinct from (%2$s.sub_type,"
                + " coalesce(%2$s.brand, %1$s.brand), coalesce(%2$s.model, %1$s.model)))").formatted(stored, row);
    }

    /** A stored catalog differs from a sheet row in one of the details the row sets. */
    static String catalogDiffers(String stored, String row) {
        return ("((%1$s.year, %1$s.hsn_code, %1$s.weight, %1$s.colour, %1$s.selling_type, %1$s.gst_rate) is distinct from"
                + " (%2$s.year, %2$s.hsn_code, %2$s.weight, %2$s.colour, %2$s.selling_type, %2$s.gst_rate))")
                .formatted(stored, row);
    }

    /** A configuration's stored infos ({@code storedInfos}) change when the row gives other infos (blank keeps them). */
    static String configChanges(String storedInfos, String row) {
        return "(jsonb_array_length(%2$s.infos) > 0 and %1$s is distinct from %2$s.infos)".formatted(storedInfos, row);
    }

    /** A base product keeps its item type: a sheet naming it with another is refused. */
    static DomainException itemTypeKept(String name, ItemType stored, ItemType sheet) {
        return new DomainException.InvalidInput("item_type", "base product '" + name + "' is " + stored + ", not " + sheet);
    }

    /** Writes the plan, top level first. */
    void apply(Actor actor, Instant now) {
        var audit = List.<Object>of(now, actor.name(), now, actor.name());
        var changed = List.<Object>of(now, actor.name());
        sql.update("""
                update base_product b set sub_type = e.sub_type, brand = coalesce(e.brand, b.brand),
                       model = coalesce(e.model, b.model), changed_at = ?, changed_by = ?
                  from catalog_plan_bp e where b.id = e.id and %s""".formatted(baseProductDiffers("b", "e")), changed);
        sql.update("""
                with inserted as (
                  insert into base_product (name, item_type, sub_type, brand, model, status,
                                            created_at, created_by, changed_at, changed_by)
                  select base_product, item_type, sub_type, brand, model, ?, ?, ?, ?, ?
                    from catalog_plan_bp where created order by line
                  returning id, lower(name) as k)
                update catalog_plan_bp e set id = i.id from inserted i where e.k_bp = i.k""", active(audit));
        sql.update("""
                with inserted as (
                  insert into product_version (base_product_id, name, status, created_at, created_by, changed_at, changed_by)
                  select p.id, e.version, ?, ?, ?, ?, ?
                    from catalog_plan_version e join catalog_plan_bp p on p.k_bp = e.k_bp
                   where e.created order by e.line
                  returning id, base_product_id, lower(name) as k)
                update catalog_plan_version e set id = i.id
                  from inserted i join catalog_plan_bp p on p.id = i.base_product_id
                 where e.k_bp = p.k_bp and e.k_ver = i.k""", active(audit));
        sql.update("""
                update catalog c set year = e.year, hsn_code = e.hsn_code, weight = e.weight, colour = e.colour,
                       selling_type = e.selling_type, gst_rate = e.gst_rate, changed_at = ?, changed_by = ?
                  from catalog_plan_catalog e where c.id = e.id and %s""".formatted(catalogDiffers("c", "e")), changed);
        sql.update("""
                with inserted as (
                  insert into catalog (version_id, name, year, hsn_code, weight, colour, item_type, selling_type,
                                       gst_rate, status, created_at, created_by, changed_at, changed_by)
                  select v.id, e.catalog, e.year, e.hsn_code, e.weight, e.colour, e.product_type, e.selling_type,
                         e.gst_rate, ?, ?, ?, ?, ?
                    from catalog_plan_catalog e join catalog_plan_version v on v.k_bp = e.k_bp and v.k_ver = e.k_ver
                   where e.created order by e.line
                  returning id, version_id, lower(name) as k)
                update catalog_plan_catalog e set id = i.id
                  from inserted i join catalog_plan_version v on v.id = i.version_id
                 where e.k_bp = v.k_bp and e.k_ver = v.k_ver and e.k_cat = i.k""", active(audit));
        sql.update("""
                with inserted as (
                  insert into catalog_config (catalog_id, name, additional_infos, status, is_default,
                                              created_at, created_by, changed_at, changed_by)
                  select n.catalog_id, n.name, n.infos, ?, n.is_default, ?, ?, ?, ?
                    from (select c.id as catalog_id, c.catalog as name, c.default_infos as infos, true as is_default,
                                 c.line, 0 as step
                            from catalog_plan_catalog c where c.created and c.default_infos is not null
                          union all
                          select c.id, e.configuration, e.infos, false, e.line, 1
                            from catalog_plan_config e
                            join catalog_plan_catalog c on c.k_bp = e.k_bp and c.k_ver = e.k_ver and c.k_cat = e.k_cat
                           where e.created) n
                   order by n.line, n.step
                  returning id, catalog_id, lower(name) as k)
                update catalog_plan_config e set id = i.id
                  from inserted i join catalog_plan_catalog c on c.id = i.catalog_id
                 where e.k_bp = c.k_bp and e.k_ver = c.k_ver and e.k_cat = c.k_cat and e.k_cfg = i.k""",
                active(audit));
        sql.update("""
                update catalog_config cf set additional_infos = e.infos, changed_at = ?, changed_by = ?
                  from catalog_plan_config e where cf.id = e.id and %s"""
                .formatted(configChanges("cf.additional_infos", "e")), changed);
    }

    private static List<Object> active(List<Object> audit) {
        var params = new ArrayList<Object>();
        params.add(CatalogService.statusOrActive(null));
        params.addAll(audit);
        return params;
    }
}
