package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pallet as shown. {@code topUpGoods}: the goods cost of its top-up lines, which the client did not order and
 * pays for on top of its carts when the pallet is confirmed (an admin accepts them explicitly).
 */
@RegisterForReflection
public record PalletView(long id, String code, ClientRef client, StoreRef store, StoreRef destination,
                         PalletStatus status, BigDecimal freight, BigDecimal totalShipping, BigDecimal topUpGoods,
                         BigDecimal totalVolumeIn3, BigDecimal totalWeightLb, BigDecimal volumeFill,
                         BigDecimal weightFill, int units, LocalDate shippedOn, Instant createdAt, Instant confirmedAt,
                         List<Line> lines) {

    /**
     * {@code topUp}: further stock proposed to fill the pallet; it becomes the client's when the pallet is confirmed
     * (then {@code allocationId} names the allocation) and stays marked as a top-up on the manifest.
     */
    @RegisterForReflection
    public record Line(long lotId, Long allocationId, String asin, String title, int quantity, BigDecimal shippingPerUnit,
                       BigDecimal unitCost, boolean topUp) {
    }
}
