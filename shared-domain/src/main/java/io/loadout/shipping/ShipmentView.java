package io.loadout.shipping;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;

/** A shipment: {@code orderId} is null for one made elsewhere (imported). */
@RegisterForReflection
public record ShipmentView(long id, long sellerId, String courier, String trackingId, Long orderId,
                           String orderReference, int declaredWeightGrams, BigDecimal lengthCm, BigDecimal widthCm,
                           BigDecimal heightCm, String originPostcode, String destinationPostcode, boolean cod,
                           ServiceType serviceType, int itemsCount, BigDecimal invoiceTotal, Instant shippedAt) {
}
