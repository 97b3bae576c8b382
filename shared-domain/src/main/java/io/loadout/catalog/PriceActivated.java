package io.loadout.catalog;

import io.loadout.event.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price came into force for its configuration. Recorded set-based by {@link PriceTransitions}, whose SQL writes this record's
 * properties as Jackson names them ({@link io.loadout.event.EventPayloadSql}): the record is the payload's definition.
 */
public record PriceActivated(long priceId, long configId, BigDecimal price, Instant validFrom, Instant validTo)
        implements DomainEvent {

    public static final String TYPE = "catalog.price.activated";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
