package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A generation kept pallets back because some units would pay more than their maximum shipping: the admin decides
 * (more stock, a higher maximum, or waiting). {@code openKey} names the kept-back content, so regenerating the same
 * plan again raises no second alert while the first is open.
 */
@RegisterForReflection
public record PalletKeptBack(ClientRef client, StoreRef store, List<PalletService.KeptBack> pallets, String openKey)
        implements DomainEvent {

    public static final String TYPE = "allocation.pallet.kept-back";

    /** The same units kept back for the same client and store give the same key. */
    static String openKey(ClientRef client, StoreRef store, List<PalletService.KeptBack> pallets) {
        var lines = pallets.stream().flatMap(p -> p.lines().stream()).map(l -> l.allocationId() + "x" + l.quantity())
                .sorted().toList();
        return TYPE + ":" + client.id() + ":" + store.id() + ":" + Integer.toHexString(lines.hashCode());
    }

    public int units() {
        return pallets.stream().mapToInt(PalletService.KeptBack::units).sum();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
