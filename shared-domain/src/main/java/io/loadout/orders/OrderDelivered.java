package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** A shipped order arrived. */
@RegisterForReflection
public record OrderDelivered(long orderId, long sellerId, String number, Instant deliveredAt) implements DomainEvent {

    public static final String TYPE = "orders.order.delivered";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
