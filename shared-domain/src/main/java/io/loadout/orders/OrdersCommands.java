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
import java.math.BigDecimal;
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

    public record NewItem(
            @NotBlank @Size(max = 100) String sku,
            @NotBlank @Size(max = 300) String name,
            @NotNull @DecimalMin("0.00") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2) BigDecimal price,
            @NotNull @Min(0) @Max(1_000_000_000) Integer stock,
            Boolean active) {
    }
}
