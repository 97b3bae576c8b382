package io.loadout.local.hostile;

import io.loadout.testing.TestPostgres;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;

/** Row counts of every table of the stack's database: a suite of bad input may add rows, never lose one. */
final class StoredData {

    /** Tables whose rows the product itself removes in normal operation (each with the code that does it). */
    private static final Set<String> SHRINK_BY_DESIGN = Set.of(
            "webhook_delivery", // WebhookVerifier prunes signatures older than twice the tolerance
            "pallet", "pallet_line", // PalletService.generate replaces the client's DRAFT pallets for the store
            "alloc_client_store", // PartnerSync: a client's announced stores replace its store list
            "flyway_schema_history");

    private StoredData() {
    }

    static Map<String, Long> rowCounts() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        var counts = new TreeMap<String, Long>();
        try (var db = DriverManager.getConnection(url, TestPostgres.USER, "")) {
            var tables = new ArrayList<String>();
            try (var rs = db.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var rs = db.createStatement().executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count rows", e);
        }
        return counts;
    }

    /** "table: before → after" for each table that lost rows (and may not). */
    static List<String> losses(Map<String, Long> before, Map<String, Long> after) {
        var lost = new ArrayList<String>();
        before.forEach((table, count) -> {
            long now = after.getOrDefault(table, 0L);
            if (now < count && !SHRINK_BY_DESIGN.contains(table)) {
                lost.add(table + ": " + count + " → " + now);
            }
        });
        return lost;
    }
}
