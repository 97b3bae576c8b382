package io.loadout.testdoubles;

import io.loadout.shared.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every row of every table of the schema but the import pipeline's own bookkeeping (jobs, outbox, migrations), as
 * text: two dumps are equal exactly when nothing was written in between (a dry run must leave them equal).
 */
@Singleton
public class DomainTables {

    /** Written by any import, dry run or not: the job, its finished event, Flyway's history. */
    private static final List<String> BOOKKEEPING = List.of("import_job", "outbox_event", "flyway_schema_history");

    private final Sql sql;

    DomainTables(Sql sql) {
        this.sql = sql;
    }

    public Map<String, String> dump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            var tables = sql.list("""
                    select table_name from information_schema.tables
                     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""",
                    List.of(), r -> r.getString("table_name"));
            var dump = new LinkedHashMap<String, String>();
            for (String table : tables) {
                if (!BOOKKEEPING.contains(table)) {
                    dump.put(table, sql.one("select coalesce(string_agg(t::text, E'\\n' order by t::text), '') rows"
                            + " from " + table + " t", List.of(), r -> r.getString("rows")).orElseThrow());
                }
            }
            return dump;
        });
    }

    /** The ids of the outbox events stored now. */
    public Set<String> eventIds() {
        return QuarkusTransaction.requiringNew().call(() -> new HashSet<>(sql.list("select id::text id from outbox_event",
                List.of(), r -> r.getString("id"))));
    }

    /** The types of the outbox events stored now that are not among {@code before}. */
    public List<String> eventTypesSince(Set<String> before) {
        return QuarkusTransaction.requiringNew().call(() -> sql.list("select id::text id, type from outbox_event",
                List.of(), r -> before.contains(r.getString("id")) ? null : r.getString("type"))
                .stream().filter(Objects::nonNull).toList());
    }
}
