package io.loadout.orders.storefront;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The storefront's JSON, as its webhooks and its REST API send it (the mainstream storefront format, snake_case):
 * the fields Loadout reads; every other field is ignored. The contract and the mapping are in the orders README.
 */
// Jackson builds these outside JAX-RS signatures (raw, signed bodies): native image
@RegisterForReflection(targets = {StorefrontPayloads.Customer.class, StorefrontPayloads.Order.class,
        StorefrontPayloads.LineItem.class, StorefrontPayloads.ShippingLine.class, StorefrontPayloads.Fulfillment.class,
        StorefrontPayloads.OrderList.class})
public final class StorefrontPayloads {

    private StorefrontPayloads() {
    }

    static final String MONEY_MAX = "9999999999.99";

    /** {@code customers/create}, {@code customers/update}, and an order's {@code customer}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Customer(
            @NotNull @Positive Long id,
            @Size(max = 320) String email,
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Size(max = 40) String phone,
            @NotNull OffsetDateTime updatedAt) {
    }

    /** {@code orders/create}, {@code orders/updated}, {@code orders/cancelled}, and each order of the pull. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Order(
            @NotNull @Positive Long id,
            @Size(max = 50) String name,
            @Size(max = 320) String email,
            @NotNull OffsetDateTime updatedAt,
            OffsetDateTime cancelledAt,
            @Size(max = 40) String financialStatus,
            @DecimalMin("0.00") @DecimalMax(MONEY_MAX) @Digits(integer = 10, fraction = 2) BigDecimal totalPrice,
            @DecimalMin("0.00") @DecimalMax(MONEY_MAX) @Digits(integer = 10, fraction = 2) BigDecimal totalOutstanding,
            @DecimalMin("0.00") @DecimalMax(MONEY_MAX) @Digits(integer = 10, fraction = 2) BigDecimal totalTax,
            @Valid Customer customer,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid LineItem> lineItems,
            @Size(max = 20) List<@NotNull @Valid ShippingLine> shippingLines,
            @Size(max = 20) List<@NotNull @Valid Fulfillment> fulfillments) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineItem(
            @NotBlank @Size(max = 250) String title,
            @Size(max = 40) String sku,
            @NotNull @Min(1) @Max(100_000) Integer quantity,
            @NotNull @DecimalMin("0.00") @DecimalMax(MONEY_MAX) @Digits(integer = 10, fraction = 2) BigDecimal price) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ShippingLine(
            @NotNull @DecimalMin("0.00") @DecimalMax(MONEY_MAX) @Digits(integer = 10, fraction = 2) BigDecimal price) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fulfillment(
            @Size(max = 100) String trackingCompany,
            @Size(max = 100) String trackingNumber,
            @Size(max = 2000) String trackingUrl) {
    }

    /** A page of the REST API's {@code GET /orders.json}. */
    public record OrderList(@NotNull List<@NotNull @Valid Order> orders) {
    }
}
