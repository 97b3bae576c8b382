package io.loadout.orders;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.loadout.shipping.Parcel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What sellers ask the orders capability to create or change. Validated at the boundary (HTTP body, import row). */
public final class OrdersCommands {

    private OrdersCommands() {
    }

    /** {@code social}: handle per network, e.g. {"instagram": "@ana"}; never shown to buyers. */
    public record NewCustomer(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 1000) String address,
            @Size(max = 10) Map<@Pattern(regexp = "[a-z][a-z0-9_-]{0,29}", message = "must be a network name in lower case (e.g. instagram)") String,
                    @NotBlank @Size(max = 100) String> social,
            @Size(max = 4000) String notes) {
    }

    /** What a seller changes of a customer: each field given replaces the stored one; an absent one stays. */
    public record CustomerChanges(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) String phone,
            @Size(max = 1000) String address,
            @Size(max = 10) Map<@Pattern(regexp = "[a-z][a-z0-9_-]{0,29}", message = "must be a network name in lower case (e.g. instagram)") String,
                    @NotBlank @Size(max = 100) String> social,
            @Size(max = 4000) String notes) {
    }

    public record NewItem(
            @NotBlank @Size(max = 100) String sku,
            @NotBlank @Size(max = 300) String name,
            @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull @Min(0) @Max(1_000_000_000) Integer stock,
            Boolean active) {
    }

    /** What a seller changes of an item: each field given replaces the stored one (stock: the units counted). */
    public record ItemChanges(
            @Size(min = 1, max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @Min(0) @Max(1_000_000_000) Integer stock,
            Boolean active) {
    }

    /**
     * An order of the seller's customer. There is no total: the server computes it from the lines ({@link OrderTotals}).
     * {@code number} defaults to {@code L-<id>}.
     */
    public record NewOrder(
            @NotNull Long customerId,
            @Size(min = 1, max = 50) String number,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull NewLine> lines,
            @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal shippingFee,
            @Size(max = 4000) String notes) {
    }

    /** A pending order's new lines, replacing all of its lines (the shipping fee stays). */
    public record NewLines(@NotEmpty @Size(max = 200) List<@Valid @NotNull NewLine> lines) {
    }

    /** An item of the seller's (its name and price unless given) or free text with a price. */
    public record NewLine(
            Long itemId,
            @Size(max = 300) String description,
            @NotNull @Min(1) @Max(100_000) Integer quantity,
            @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }

    /** A remittance; beyond what is owed only with {@code credit}. {@code paidOn} defaults to today. */
    public record NewPayment(
            @NotNull @DecimalMin("0.01") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal amount,
            LocalDate paidOn,
            @Size(min = 1, max = 50) String method,
            @Size(min = 1, max = 200) String reference,
            Boolean credit) {
    }

    /** PENDING → SHIPPED: the carrier's tracking, and the parcel as declared (its shipment is created with it). */
    public record ShipOrder(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 100) String trackingId,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String trackingUrl,
            @NotNull @Valid Parcel parcel) {
    }
}
