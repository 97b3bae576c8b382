package io.loadout.shipping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A parcel as the seller declares it: what the courier's own measurement is later compared with. */
public record Parcel(
        @NotNull @Min(1) @Max(1_000_000) Integer weightGrams,
        @NotNull @DecimalMin(value = "0.1") @DecimalMax("10000") @Digits(integer = 5, fraction = 1) BigDecimal lengthCm,
        @NotNull @DecimalMin(value = "0.1") @DecimalMax("10000") @Digits(integer = 5, fraction = 1) BigDecimal widthCm,
        @NotNull @DecimalMin(value = "0.1") @DecimalMax("10000") @Digits(integer = 5, fraction = 1) BigDecimal heightCm,
        @NotBlank @Size(max = 20) String originPostcode,
        @NotBlank @Size(max = 20) String destinationPostcode,
        @NotNull Boolean cod,
        @NotNull ServiceType serviceType) {
}
