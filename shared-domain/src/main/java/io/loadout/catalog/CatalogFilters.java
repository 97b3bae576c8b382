package io.loadout.catalog;

import java.time.Instant;
import java.util.List;

/** The seed's filter records, minus paging (see {@link io.loadout.shared.PageRequest}). Null means "any". */
public final class CatalogFilters {

    private CatalogFilters() {
    }

    /** Codes match exactly (any case); names, brand and model match as case-insensitive substrings. */
    public record BaseProductFilter(String baseProductCode, String name, ItemType itemType, String subItemType,
                                    String brand, String model, ProductStatus status) {
        public static BaseProductFilter any() {
            return new BaseProductFilter(null, null, null, null, null, null, null);
        }
    }

    /** {@code saleableOnly}: only catalogs whose whole chain is ACTIVE and whose selling type is SALEABLE. */
    public record CatalogFilter(Long catalogId, Long baseProductId, String catalogName, String baseProductName,
                                String versionName, String catalogCode, String model, String color,
                                SellingType sellingType, ItemType itemType, ProductStatus catalogStatus,
                                String subItemType, boolean saleableOnly) {
        public static CatalogFilter any() {
            return new CatalogFilter(null, null, null, null, null, null, null, null, null, null, null, null, false);
        }

        public CatalogFilter saleable() {
            return new CatalogFilter(catalogId, baseProductId, catalogName, baseProductName, versionName, catalogCode,
                    model, color, sellingType, itemType, catalogStatus, subItemType, true);
        }
    }

    /**
     * {@code additionalInfos}: the configuration has every listed key/value pair. {@code saleableOnly} also requires
     * the configuration to be ACTIVE and to have a price in force.
     */
    public record ConfigFilter(CatalogFilter catalog, Long configId, ProductStatus configStatus,
                               String catalogConfigCode, String catalogConfigName, List<AdditionalInfo> additionalInfos) {
        public ConfigFilter {
            catalog = catalog == null ? CatalogFilter.any() : catalog;
            additionalInfos = additionalInfos == null ? List.of() : List.copyOf(additionalInfos);
        }

        public static ConfigFilter any() {
            return new ConfigFilter(CatalogFilter.any(), null, null, null, null, List.of());
        }

        public ConfigFilter saleable() {
            return new ConfigFilter(catalog.saleable(), configId, configStatus, catalogConfigCode, catalogConfigName,
                    additionalInfos);
        }
    }

    /**
     * {@code validFrom}/{@code validTo}: prices whose window overlaps [validFrom, validTo). {@code status} is the
     * state now, computed from the clock.
     */
    public record PriceFilter(Long configId, String configCode, String configName, Instant validFrom, Instant validTo,
                              PriceState status) {
        public static PriceFilter any() {
            return new PriceFilter(null, null, null, null, null, null);
        }
    }
}
