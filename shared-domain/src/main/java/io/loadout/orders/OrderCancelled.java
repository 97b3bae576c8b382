package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An order was cancelled; its item units went back to stock. */
@RegisterForReflection
public record OrderCancelled(long orderId, long sellerId, String number, int unitsReturned) implements DomainEvent {

    public static final String TYPE = "orders.order.cancelled";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
