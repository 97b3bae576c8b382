package io.loadout.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the application under test at a fresh database on the shared embedded PostgreSQL. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestPostgres.newDatabase("loadout_test"),
                "quarkus.datasource.username", TestPostgres.USER);
    }

    @Override
    public void stop() {
        // the server is shared by the JVM and stops with it
    }
}
