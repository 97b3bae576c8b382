package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * An order went out: the buyer's "shipped" mail tells them how to track it. {@code trackingUrl} may be null, and
 * so may {@code shipmentId} (an order the storefront fulfilled has no declared parcel).
 */
@RegisterForReflection
public record OrderShipped(long orderId, long sellerId, long customerId, String number, String carrier,
                           String trackingId, String trackingUrl, Long shipmentId, Instant shippedAt,
                           BuyerContact buyer) implements DomainEvent {

    public static final String TYPE = "orders.order.shipped";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
