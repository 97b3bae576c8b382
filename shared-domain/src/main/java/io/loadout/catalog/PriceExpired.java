package io.loadout.catalog;

import io.loadout.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** A price's window ended (validTo passed). Recorded set-based by {@link PriceTransitions}. */
public record PriceExpired(long priceId, long configId, BigDecimal price, Instant validFrom, Instant validTo)
        implements DomainEvent {

    public static final String TYPE = "catalog.price.expired";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
