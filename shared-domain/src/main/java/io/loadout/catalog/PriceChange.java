package io.loadout.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One price's stored state moved to what the clock says: {@link PriceState#ACTIVE} (it came into force) or
 * {@link PriceState#INACTIVE} (it ended; a price whose whole window passed between two runs goes straight there).
 * An entry of {@link PricesChanged}, written by SQL from this record's properties ({@link io.loadout.event.EventPayloadSql}).
 */
public record PriceChange(long priceId, long configId, PriceState state, BigDecimal price, Instant validFrom,
                          Instant validTo) {
}
