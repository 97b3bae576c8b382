package io.loadout.catalog;

import static io.loadout.shared.BenchTiming.median;

import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.shared.Actor;
import io.loadout.shared.XlsxWriter;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./loadout bench catalog}: catalog performance on generated data (100k configurations, 1M price rows), each
 * figure next to a baseline measured in the same run on the same data. Medians of 5 where the work repeats.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "loadout.bench", matches = "catalog|all")
class CatalogBench {

    static final int CATALOGS = 1_000;
    static final int CONFIGS_PER_CATALOG = 100;
    static final int PRICES_PER_CONFIG = 10;

    @Inject
    EntityManager em;
    @Inject
    PriceTransitions transitions;
    @Inject
    PriceService prices;
    @Inject
    CatalogQueries queries;
    @Inject
    io.loadout.shared.Sql sql;

    final StringBuilder report = new StringBuilder();

    @Test
    void catalog() {
        Instant now = TestClock.CLOCK.instant();
        long started = System.nanoTime();
        generate(now);
        line("data", "%,d configurations, %,d prices generated in %.1f s".formatted(count("catalog_config"),
                count("catalog_price"), (System.nanoTime() - started) / 1e9));

        // 1. effective price of every configuration, set-based, vs a plain scan of the configurations
        double scan = median(() -> sqlMillis("select count(*) from (select id, code from catalog_config) c"));
        double effective = median(() -> sqlMillis("""
                select count(ep.price) from catalog_config cf left join lateral (
                  select p.price from catalog_price p where p.config_id = cf.id and p.state <> 'DISABLED'
                     and tstzrange(p.valid_from, p.valid_to) @> timestamptz '%s') ep on true""".formatted(now)));
        line("effective price, 100k configs (one query)", "%.0f ms  = %.1f× a plain scan of the configs (%.0f ms)"
                .formatted(effective, effective / scan, scan));
        long[] sample = QuarkusTransaction.requiringNew().call(() -> ((List<?>) em.createNativeQuery(
                "select id from catalog_config order by random() limit 1000").getResultList()).stream()
                .mapToLong(o -> ((Number) o).longValue()).toArray());
        double single = median(() -> {
            long t = System.nanoTime();
            for (long id : sample) {
                prices.effectivePrice(id, now);
            }
            return (System.nanoTime() - t) / 1e6 / sample.length;
        });
        line("effective price, one config via PriceService", "%.2f ms per lookup (1,000 random configs)".formatted(single));

        // 2. the activation job vs a plain SELECT of the rows it must change (each job run rolled back, so repeatable)
        for (Duration late : List.of(Duration.ofMinutes(2), Duration.ofDays(1), Duration.ofDays(6))) {
            Instant at = now.plus(late);
            String due = """
                    select * from catalog_price p
                     where (p.state = 'SCHEDULED' and p.valid_from <= '%1$s') or (p.state in ('SCHEDULED', 'ACTIVE') and p.valid_to <= '%1$s')"""
                    .formatted(at);
            long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from (" + due + ") d").getSingleResult()).longValue());
            // the baseline: the job's own WHERE, bound the same way, as a plain SELECT of the rows and columns it changes
            double select = median(() -> QuarkusTransaction.requiringNew().call(() -> {
                long t = System.nanoTime();
                sql.list("""
                        select p.id, p.config_id, p.price, p.valid_from, p.valid_to, p.state from catalog_price p
                         where ((p.state = 'SCHEDULED' and p.valid_from <= ?) or (p.state in ('SCHEDULED', 'ACTIVE') and p.valid_to <= ?))""",
                        List.of(at, at), r -> r.getLong("id"));
                return (System.nanoTime() - t) / 1e6;
            }));
            double job = median(() -> {
                double[] ms = new double[1];
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        long t = System.nanoTime();
                        transitions.apply(at, null, new Actor("bench"));
                        ms[0] = (System.nanoTime() - t) / 1e6;
                        QuarkusTransaction.setRollbackOnly();
                    });
                } catch (io.quarkus.narayana.jta.QuarkusTransactionException rolledBackAsIntended) {
                    // the run is undone so that the next one has the same rows to change
                }
                return ms[0];
            });
            line("activation job, %s after the last run".formatted(human(late)),
                    "%,d rows change: %.0f ms = %.1f× a plain SELECT of them (%.1f ms)  [goal ≤ 5×]"
                            .formatted(rows, job, job / Math.max(select, 0.01), select));
        }

        // 3. the configuration export (the list's query through a cursor into a streamed .xlsx)
        for (int limit : new int[] {10_000, 100_000}) {
            var filter = limit == 100_000 ? ConfigFilter.any()
                    : new ConfigFilter(new CatalogFilters.CatalogFilter(null, null, null, null, null, null, null, null,
                    null, null, null, null, false), null, null, null, "Config 1", List.of());
            System.gc();
            resetPeaks();
            long t = System.nanoTime();
            var bytes = new long[1];
            long exported;
            try (var writer = new XlsxWriter<>(counting(bytes), "configurations", CatalogExports.CONFIGURATIONS)) {
                exported = queries.exportConfigurations(filter, writer::write);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            line("export of configurations", "%,d rows → %,d KB xlsx in %.1f s, peak heap %d MB (max heap %d MB)"
                    .formatted(exported, bytes[0] / 1024, seconds, peakHeapMb(), Runtime.getRuntime().maxMemory() >> 20));
        }
        System.out.println("\n=== catalog bench ===\n" + report);
    }

    void generate(Instant now) {
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
            // contiguous 30-day windows per configuration, staggered by id so boundaries fall on every day;
            // stored states as the job left them at "now"
            em.createNativeQuery("""
                    insert into catalog_price (config_id, price, valid_from, valid_to, state, created_at, created_by, changed_at, changed_by)
                    select cf.id, 100 + k, w.f, w.t,
                           case when w.f > ?1 then 'SCHEDULED' when w.t <= ?1 then 'INACTIVE' else 'ACTIVE' end,
                           now(), 'bench', now(), 'bench'
                      from catalog_config cf, generate_series(0, ?2 - 1) k,
                           lateral (select cast(?1 as timestamptz) + ((k - 6) * 30 + cf.id % 30) * interval '1 day' as f,
                                           cast(?1 as timestamptz) + ((k - 5) * 30 + cf.id % 30) * interval '1 day' as t) w""")
                    .setParameter(1, now).setParameter(2, PRICES_PER_CONFIG).executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze").executeUpdate());
    }

    long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    /** Runs the statements in one transaction; times the last. */
    double sqlMillis(String... statements) {
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < statements.length - 1; i++) {
                em.createNativeQuery(statements[i]).executeUpdate();
            }
            long t = System.nanoTime();
            em.createNativeQuery(statements[statements.length - 1]).getResultList();
            return (System.nanoTime() - t) / 1e6;
        });
    }

    void line(String what, String result) {
        report.append(String.format(Locale.ROOT, "%-50s %s%n", what, result));
        System.out.printf(Locale.ROOT, "%-50s %s%n", what, result);
    }

    static String human(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d" : d.toMinutes() + " min";
    }

    static List<MemoryPoolMXBean> heapPools() {
        var pools = new ArrayList<MemoryPoolMXBean>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools.add(pool);
            }
        }
        return pools;
    }

    static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    static OutputStream counting(long[] bytes) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        };
    }
}
