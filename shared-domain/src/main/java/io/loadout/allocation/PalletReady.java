package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** A generated pallet is full (by volume or weight): a full load is ready for this client and store. */
@RegisterForReflection
public record PalletReady(long palletId, String code, ClientRef client, StoreRef store, int units,
                          BigDecimal volumeFill, BigDecimal weightFill, BigDecimal totalShipping) implements DomainEvent {

    public static final String TYPE = "allocation.pallet.ready";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return client.accountId();
    }
}
