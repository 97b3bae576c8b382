package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** A pending order's lines were replaced: its total went from {@code previousTotal} to {@code total}. */
@RegisterForReflection
public record OrderChanged(long orderId, long sellerId, String number, BigDecimal previousTotal, BigDecimal total)
        implements DomainEvent {

    public static final String TYPE = "orders.order.changed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
