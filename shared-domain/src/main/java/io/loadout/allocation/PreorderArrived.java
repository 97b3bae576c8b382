package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * Stock for a preorder came in. {@code allocated}: the units are the client's and {@code debited} was charged;
 * otherwise {@code reason} says why it waits (balance short, store not ungated).
 */
@RegisterForReflection
public record PreorderArrived(long preorderId, ClientRef client, StoreRef store, String asin, int quantity,
                              boolean allocated, BigDecimal debited, String reason) implements DomainEvent {

    public static final String TYPE = "allocation.preorder.arrived";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return client.accountId();
    }
}
