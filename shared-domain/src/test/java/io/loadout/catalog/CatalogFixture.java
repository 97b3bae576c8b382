package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.CatalogView;
import io.loadout.catalog.CatalogViews.ConfigView;
import io.loadout.catalog.CatalogViews.VersionView;
import io.loadout.shared.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Builds catalog rows with unique names (all tests share one database). */
final class CatalogFixture {

    static final Actor ACTOR = new Actor("account:1");

    private final CatalogService catalog;

    CatalogFixture(CatalogService catalog) {
        this.catalog = catalog;
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    BaseProductView baseProduct(ItemType type) {
        return catalog.createBaseProduct(new NewBaseProduct(unique("Fleeto Magnum"), type, "SCOOTER", "Fleeto", "M1",
                null, "an electric scooter"), ACTOR);
    }

    VersionView version(long baseProductId) {
        return catalog.addVersion(baseProductId, new NewVersion(unique("V2"), null, null), ACTOR);
    }

    CatalogView catalog(long versionId, SellingType sellingType) {
        return catalog.createCatalog(new NewCatalog(versionId, unique("Red"), "2026", "87116020", new BigDecimal("62.5"),
                "Red", null, sellingType, GstRate.GST_5, null, null), ACTOR);
    }

    ConfigView configuration(long catalogId, AdditionalInfo... infos) {
        return catalog.addConfiguration(catalogId, new NewConfiguration(unique("60V 30Ah"), null, List.of(infos), null),
                ACTOR);
    }

    /** A vehicle chain down to one configuration. */
    ConfigView vehicleConfiguration() {
        var bp = baseProduct(ItemType.VEHICLE);
        var v = version(bp.id());
        var c = catalog(v.id(), SellingType.SALEABLE);
        return configuration(c.id(), new AdditionalInfo("Battery", "60V 30Ah"));
    }
}
