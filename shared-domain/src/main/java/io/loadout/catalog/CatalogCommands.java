package io.loadout.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What callers ask the catalog to create or change. Validated at the boundary (HTTP body, import row). */
public final class CatalogCommands {

    private CatalogCommands() {
    }

    public record NewBaseProduct(
            @NotBlank @Size(max = 200) String name,
            @NotNull ItemType itemType,
            @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,49}", message = "must be a word of letters, digits or _ (e.g. SCOOTER)")
            String subType,
            @Size(max = 100) String brand,
            @Size(max = 100) String model,
            ProductStatus status,
            @Size(max = 4000) String description) {
    }

    public record NewVersion(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            ProductStatus status) {
    }

    public record NewCatalog(
            @NotNull Long versionId,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "(19|20)[0-9]{2}", message = "must be a year like 2025") String year,
            @NotBlank @Pattern(regexp = "[0-9]{4}|[0-9]{6}|[0-9]{8}", message = "must be an HSN code of 4, 6 or 8 digits")
            String hsnCode,
            @NotNull @DecimalMin("0") @Digits(integer = 7, fraction = 3) BigDecimal weight,
            @NotBlank @Size(max = 60) String colour,
            ItemType itemType,
            @NotNull SellingType sellingType,
            @NotNull GstRate gstRate,
            ProductStatus status,
            @Size(max = 4000) String description) {
    }

    public record NewConfiguration(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 4000) String description,
            @Size(max = 50) List<@Valid @NotNull AdditionalInfo> additionalInfos,
            ProductStatus status) {
    }

    /** A price for one configuration over [validFrom, validTo); validTo null = until further notice. */
    public record NewPrice(
            @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull Instant validFrom,
            Instant validTo) {
    }

    public record PriceForConfiguration(
            @NotNull Long configId,
            @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull Instant validFrom,
            Instant validTo) {
    }

    /** Many configurations priced in one all-or-nothing request (the seed's "multiple at a time"). */
    public record BulkPrices(@NotEmpty @Size(max = 1000) List<@Valid @NotNull PriceForConfiguration> items) {
    }

    public record StatusChange(@NotNull ProductStatus status) {
    }
}
