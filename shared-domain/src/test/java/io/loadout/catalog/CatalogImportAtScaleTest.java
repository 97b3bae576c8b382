package io.loadout.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.imports.StoredObject;
import io.loadout.shared.CountingSql;
import io.loadout.shared.Sql;
import io.loadout.testdoubles.InMemoryBlobStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The catalog import on files of thousands of lines: counts and stored contents against expectations the test
 * derives from how it generated the files (the README's rule applied line by line in file order), and the number of
 * statements it sends not growing with the file.
 */
@QuarkusTest
class CatalogImportAtScaleTest {

    @Inject
    ImportService imports;
    @Inject
    ImportJobRepository jobs;
    @Inject
    InMemoryBlobStore bucket;
    @Inject
    Sql sql;

    /** One line of a generated sheet: product p, version v, catalog c, configuration k, as the second sheet has it. */
    record Gen(String run, int p, int v, int c, int k, boolean second) {

        boolean parts() {
            return p % 7 == 3;
        }

        /** The second sheet renames the configurations 1-9 of catalog 9 of version 3: new ones. */
        boolean renamed() {
            return second && v == 3 && c == 9 && k >= 1;
        }

        String product() {
            return "Scale " + run + " P" + p;
        }

        String config() {
            return parts() && k == 0 ? "" : "K" + k + (renamed() ? "x" : "");
        }

        /** The configuration's stored name: a part's blank one is its catalog's (the default configuration). */
        String configName() {
            return config().isEmpty() ? "C" + c : config();
        }

        String subType() {
            return second && p % 10 == 0 ? "MOPED" : "SCOOTER";
        }

        String colour() {
            return second && c == 3 ? "Blue" : "Red";
        }

        String infos() {
            return second && k == 7 ? "Battery=72V" : "Battery=60V";
        }

        /** The second sheet prices configuration 5 anew from 2028. */
        boolean repriced() {
            return second && k == 5;
        }

        String csv() {
            return String.join(",", product(), parts() ? "PARTS" : "VEHICLE", subType(), "Fleeto", "V" + v, "C" + c,
                    "2026", "87116020", "62.5", colour(), "SALEABLE", "GST-5", config(), infos(),
                    repriced() ? "2000" : String.valueOf(1000 + k), repriced() ? "2028-01-01" : "2027-01-01", "") + "\n";
        }
    }

    static List<Gen> sheet(String run, int products, boolean second) {
        var lines = new ArrayList<Gen>();
        for (int p = 0; p < products; p++) {
            for (int v = 0; v < 4; v++) {
                for (int c = 0; c < 10; c++) {
                    for (int k = 0; k < 10; k++) {
                        lines.add(new Gen(run, p, v, c, k, second));
                    }
                }
            }
        }
        return lines;
    }

    ImportJob drop(String folder, List<Gen> lines) {
        var csv = new StringBuilder(CatalogImporterTest.HEADER);
        lines.forEach(l -> csv.append(l.csv()));
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        String name = folder + UUID.randomUUID() + ".csv";
        bucket.objects.put(name, content);
        var object = new StoredObject("bucket", name, CatalogImporterTest.GENERATION.incrementAndGet(),
                (long) content.length, "text/csv");
        imports.onObjectFinalized(object);
        return QuarkusTransaction.requiringNew().call(() -> jobs.find("objectName = ?1 and generation = ?2",
                object.name(), object.generation()).singleResult());
    }

    String errorsOf(ImportJob job) {
        return job.errorsObject() == null ? "no errors file" : bucket.text(job.errorsObject());
    }

    static List<Integer> counts(ImportJob job) {
        return List.of(job.rowsNew(), job.rowsChanged(), job.rowsUnchanged(), job.rowsFailed());
    }

    /**
     * 18,000 lines over 45 products stored first; then 20,000 shuffled lines over 50: 5 products new, renamed
     * configurations, changed sub types, colours and infos, new prices, the rest as stored.
     */
    @Test
    void aLargeSheetCountsAndStoresWhatItsLinesSay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var first = sheet(run, 45, false);
        var job = drop("imports/catalog/", first);
        assertThat(job.status()).as(() -> errorsOf(job)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(counts(job)).containsExactly(18_000, 0, 0, 0);

        var second = sheet(run, 50, true);
        Collections.shuffle(second, new Random(11));
        var expected = expectedCounts(second);
        String before = fingerprint(run);
        var dry = drop("imports/catalog/dry-run/", second);
        assertThat(dry.status()).as(() -> errorsOf(dry)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(counts(dry)).isEqualTo(expected);
        assertThat(fingerprint(run)).as("the dry run wrote nothing").isEqualTo(before);

        var real = drop("imports/catalog/", second);
        assertThat(real.status()).as(() -> errorsOf(real)).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(counts(real)).isEqualTo(expected);
        assertThat(stored(run)).isEqualTo(expectedContents(first, second));
        var again = drop("imports/catalog/", second);
        assertThat(counts(again)).containsExactly(0, 0, 20_000, 0);
    }

    /** The README's rule line by line in file order: new if it names a row first that is not stored, etc. */
    static List<Integer> expectedCounts(List<Gen> lines) {
        Set<String> seen = new HashSet<>();
        int created = 0;
        int changed = 0;
        for (var l : lines) {
            String product = "P" + l.p();
            String catalog = product + "/V" + l.v() + "/C" + l.c();
            boolean firstOfProduct = seen.add(product);
            boolean firstOfCatalog = seen.add(catalog);
            boolean storedProduct = l.p() < 45;
            if (!storedProduct && l.parts() && l.k() == 0 && !firstOfCatalog) {
                changed++; // the default configuration its catalog's first line made: the line's infos replace its own
            } else if (!storedProduct || l.renamed()) {
                created++;
            } else if ((firstOfProduct && l.p() % 10 == 0) || (firstOfCatalog && l.c() == 3) || l.k() == 7
                    || l.repriced()) {
                changed++;
            }
        }
        return List.of(created, changed, lines.size() - created - changed, 0);
    }

    /** Every product, catalog and configuration (with its prices) the two sheets leave, as text. */
    static Set<String> expectedContents(List<Gen> first, List<Gen> second) {
        var rows = new TreeSet<String>();
        for (var l : second) {
            rows.add(l.product() + "|" + (l.parts() ? "PARTS" : "VEHICLE") + "|" + l.subType());
            rows.add(l.product() + "|V" + l.v() + "|C" + l.c() + "|" + l.colour());
            String window = l.repriced() ? "2000.00@2028-01-01T00:00:00Z..open" : (1000 + l.k()) + ".00@2027-01-01T00:00:00Z..open";
            boolean stored = l.p() < 45 && !l.renamed();
            if (stored && l.repriced()) {
                window = (1000 + l.k()) + ".00@2027-01-01T00:00:00Z..2028-01-01T00:00:00Z " + window;
            }
            rows.add(l.product() + "|V" + l.v() + "|C" + l.c() + "|" + l.configName() + "|" + l.infos() + "|" + window);
        }
        for (var l : first) {
            var now = new Gen(l.run(), l.p(), l.v(), l.c(), l.k(), true);
            if (now.renamed()) { // no longer named: as the first sheet stored it
                rows.add(l.product() + "|V" + l.v() + "|C" + l.c() + "|" + l.configName() + "|" + l.infos() + "|"
                        + (1000 + l.k()) + ".00@2027-01-01T00:00:00Z..open");
            }
        }
        return rows;
    }

    Set<String> stored(String run) {
        return QuarkusTransaction.requiringNew().call(() -> new TreeSet<>(sql.list("""
                with b as materialized (select * from base_product where name like ?),
                c as materialized (select b.name || '|' || v.name || '|' || c.name as path, c.id, c.colour
                                     from b join product_version v on v.base_product_id = b.id
                                     join catalog c on c.version_id = v.id),
                cf as materialized (select c.path || '|' || cf.name as path, cf.id, cf.additional_infos
                                      from c join catalog_config cf on cf.catalog_id = c.id),
                infos as (select cf.id, string_agg((i->>'key') || '=' || (i->>'value'), '; ' order by n) as infos
                            from cf, jsonb_array_elements(cf.additional_infos) with ordinality as x(i, n) group by cf.id),
                prices as (select p.config_id, string_agg(p.price || '@'
                                    || to_char(p.valid_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '..'
                                    || coalesce(to_char(p.valid_to at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'open'),
                                    ' ' order by p.valid_from) as windows
                             from cf join catalog_price p on p.config_id = cf.id group by p.config_id)
                select name || '|' || item_type || '|' || sub_type as t from b
                union all
                select path || '|' || colour from c
                union all
                select cf.path || '|' || coalesce(infos.infos, '') || '|' || coalesce(prices.windows, '')
                  from cf left join infos on infos.id = cf.id left join prices on prices.config_id = cf.id""",
                List.of("Scale " + run + " %"), r -> r.getString("t"))));
    }

    /** Every stored row version (xmin) of the run's catalog, and the code sequences: any write changes it. */
    String fingerprint(String run) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("""
                select (select string_agg(concat_ws('/', b.xmin, v.xmin, c.xmin, cf.xmin, p.xmin), ' ' order by p.id)
                          from base_product b join product_version v on v.base_product_id = b.id
                          join catalog c on c.version_id = v.id join catalog_config cf on cf.catalog_id = c.id
                          left join catalog_price p on p.config_id = cf.id where b.name like ?)
                       || (select concat_ws('/', b.last_value, c.last_value, cf.last_value) from base_product_code_seq b,
                                  catalog_code_seq c, catalog_config_code_seq cf) as f""",
                List.of("Scale " + run + " %"), r -> r.getString("f")).orElseThrow());
    }

    /**
     * The import sends as many statements for 2,000 lines as for 100 (a row-by-row write would send thousands more),
     * creating and then changing.
     */
    @Test
    void theStatementsSentDoNotGrowWithTheFile() {
        var statements = new ArrayList<List<Long>>();
        for (int products : new int[] {1, 5}) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            var small = sheet(run, products, false).subList(0, products == 1 ? 100 : 2_000);
            var changed = sheet(run, products, true).subList(0, small.size());
            var created = CountingSql.counting(() -> drop("imports/catalog/", small));
            var updated = CountingSql.counting(() -> drop("imports/catalog/", changed));
            var dry = CountingSql.counting(() -> drop("imports/catalog/dry-run/", changed));
            assertThat(created.result().status()).isEqualTo(ImportStatus.SUCCEEDED);
            assertThat(updated.result().rowsChanged()).isPositive();
            statements.add(List.of(created.statements(), updated.statements(), dry.statements()));
        }
        System.out.println("catalog import statements (create, change, dry run), 100 lines vs 2,000: " + statements);
        assertThat(statements.get(1)).as("statements for 2,000 lines vs 100: " + statements).isEqualTo(statements.get(0));
    }
}
