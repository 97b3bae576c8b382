package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** An order was placed; its item units left stock in the same transaction. */
@RegisterForReflection
public record OrderPlaced(long orderId, long sellerId, long customerId, String number, BigDecimal total) implements DomainEvent {

    public static final String TYPE = "orders.order.placed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
