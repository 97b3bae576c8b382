package io.loadout.catalog;

import io.loadout.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price's window ended (validTo passed). Recorded set-based by {@link PriceTransitions}, whose SQL writes this record's
 * properties as Jackson names them ({@link io.loadout.event.EventPayloadSql}): the record is the payload's definition.
 */
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
