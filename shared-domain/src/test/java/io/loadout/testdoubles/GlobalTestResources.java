package io.loadout.testdoubles;

import io.loadout.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Applies to every @QuarkusTest of this module, so they all share one application start on one database. */
@QuarkusTestResource(PostgresResource.class)
public final class GlobalTestResources {
    private GlobalTestResources() {
    }
}
