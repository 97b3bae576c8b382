package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** A successful allocation: the cart's units are the client's and its balance was debited. */
@RegisterForReflection
public record CartConfirmed(long cartId, ClientRef client, StoreRef store, int units, BigDecimal goodsTotal,
                            BigDecimal balanceAfter) implements DomainEvent {

    public static final String TYPE = "allocation.cart.confirmed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return client.accountId();
    }
}
