package io.loadout.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * {@link CatalogBench}'s data: 1,000 catalogs × 100 configurations, 10 contiguous 30-day price windows each,
 * staggered by id so that boundaries fall on every day (≈ 6,667 prices change state per day), stored states and the
 * job's watermark as the job left them at {@code now}.
 */
final class CatalogBenchData {

    static final int CATALOGS = 1_000;
    static final int CONFIGS_PER_CATALOG = 100;
    static final int PRICES_PER_CONFIG = 10;

    private CatalogBenchData() {
    }

    static void generate(EntityManager em, Instant now) {
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            em.createNativeQuery("""
                    insert into base_product (name, item_type, sub_type, status, created_at, created_by, changed_at, changed_by)
                    values ('Bench Magnum', 'VEHICLE', 'SCOOTER', 'ACTIVE', now(), 'bench', now(), 'bench')""").executeUpdate();
            em.createNativeQuery("""
                    insert into product_version (base_product_id, name, status, created_at, created_by, changed_at, changed_by)
                    select id, 'V1', 'ACTIVE', now(), 'bench', now(), 'bench' from base_product where name = 'Bench Magnum'""")
                    .executeUpdate();
            em.createNativeQuery("""
                    insert into catalog (version_id, name, hsn_code, weight, colour, item_type, selling_type, gst_rate, status,
                                         created_at, created_by, changed_at, changed_by)
                    select v.id, 'Catalog ' || n, '87116020', 60, 'Red', 'VEHICLE', 'SALEABLE', 'GST-5', 'ACTIVE',
                           now(), 'bench', now(), 'bench'
                      from product_version v, generate_series(1, ?1) n where v.name = 'V1'""")
                    .setParameter(1, CATALOGS).executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_config (catalog_id, name, additional_infos, status, created_at, created_by, changed_at, changed_by)
                    select c.id, 'Config ' || n, '[{"key":"Battery","value":"60V"}]', 'ACTIVE', now(), 'bench', now(), 'bench'
                      from catalog c, generate_series(1, ?1) n""")
                    .setParameter(1, CONFIGS_PER_CATALOG).executeUpdate();
            em.createNativeQuery("""
                    insert into catalog_price (config_id, price, valid_from, valid_to, state, created_at, created_by, changed_at, changed_by)
                    select cf.id, 100 + k, w.f, w.t,
                           case when w.f > ?1 then 'SCHEDULED' when w.t <= ?1 then 'INACTIVE' else 'ACTIVE' end,
                           now(), 'bench', now(), 'bench'
                      from catalog_config cf, generate_series(0, ?2 - 1) k,
                           lateral (select cast(?1 as timestamptz) + ((k - 6) * 30 + cf.id % 30) * interval '1 day' as f,
                                           cast(?1 as timestamptz) + ((k - 5) * 30 + cf.id % 30) * interval '1 day' as t) w""")
                    .setParameter(1, now).setParameter(2, PRICES_PER_CONFIG).executeUpdate();
            em.createNativeQuery("update price_activation set through = ?1").setParameter(1, now).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
    }
}
