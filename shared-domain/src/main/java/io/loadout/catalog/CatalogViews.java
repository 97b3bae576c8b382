package io.loadout.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What the catalog answers with; field names follow the seed's records. */
// Jackson maps these outside JAX-RS signatures too (generic pages, jsonb columns, event payloads): native image
@RegisterForReflection(targets = {CatalogViews.Audit.class, CatalogViews.BaseProductView.class,
        CatalogViews.VersionView.class, CatalogViews.ImageView.class, CatalogViews.CatalogView.class,
        CatalogViews.ConfigView.class, CatalogViews.PriceView.class, CatalogViews.CatalogInformation.class,
        CatalogViews.ConfigInformation.class, CatalogViews.PriceDetail.class, CatalogViews.Choice.class,
        CatalogViews.EffectivePrice.class, AdditionalInfo.class, PricesChanged.class, PriceChange.class})
public final class CatalogViews {

    private CatalogViews() {
    }

    /** Who created and last changed a row, and when (the seed's LogUserName / LogDts). */
    public record Audit(Instant createdAt, String createdBy, Instant changedAt, String changedBy) {
    }

    public record BaseProductView(long id, String code, String name, ItemType itemType, String subType, String brand,
                                  String model, ProductStatus status, String description, Audit audit) {
    }

    public record VersionView(long id, long baseProductId, String name, String description, ProductStatus status,
                              Audit audit) {
    }

    public record ImageView(String imageId, String objectName, int width, int height, long sizeBytes,
                            String originalName, Instant createdAt) {
    }

    public record CatalogView(long id, String code, long versionId, long baseProductId, String name, String year,
                              String hsnCode, BigDecimal weight, String colour, ItemType itemType,
                              SellingType sellingType, GstRate gstRate, ProductStatus status, String description,
                              List<ImageView> images, List<ConfigView> configurations, Audit audit) {
    }

    public record ConfigView(long id, String code, long catalogId, String name, String description,
                             List<AdditionalInfo> additionalInfos, ProductStatus status, boolean defaultConfiguration,
                             ItemType itemType, Audit audit) {
    }

    public record PriceView(long id, long configId, long catalogId, BigDecimal price, Instant validFrom, Instant validTo,
                            PriceState status, Audit audit) {
    }

    /** The seed's CatalogInformation: a catalog joined with its version and base product. */
    public record CatalogInformation(long catalogId, long versionId, long baseProductId, String catalogName,
                                     String catalogCode, String baseProductName, String brand, String model,
                                     String colour,
                                     ItemType itemType, String subType, String versionName, String description,
                                     String year, String hsnCode, BigDecimal weight, GstRate gstRate,
                                     ProductStatus catalogStatus, SellingType sellingType, boolean saleable,
                                     List<ImageView> images) {
    }

    /** The seed's ConfigInformation: a configuration with the price in force now and its catalog's information. */
    public record ConfigInformation(long configId, String configName, String configCode, ProductStatus configStatus,
                                    List<AdditionalInfo> additionalInfos, BigDecimal activePrice, Long activePriceId,
                                    PriceState priceStatus, boolean saleable, CatalogInformation catalog) {
    }

    /** The seed's ProductCatalogPriceDetail; {@code status} is computed from the clock, so never stale. */
    public record PriceDetail(long priceId, long configId, long catalogId, BigDecimal price, Instant validFrom,
                              Instant validTo, PriceState status, String configCode, String configName,
                              String catalogName, String catalogCode, Audit audit) {
    }

    /** One entry of a "get all" dropdown list. */
    public record Choice(long id, String code, String name, ProductStatus status) {
    }

    /** The price in force for a configuration at an instant. */
    public record EffectivePrice(long configId, Instant at, Long priceId, BigDecimal price, Instant validFrom,
                                 Instant validTo) {
    }
}
