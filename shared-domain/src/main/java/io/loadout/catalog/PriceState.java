package io.loadout.catalog;

/**
 * Where a price stands. Stored prices are SCHEDULED, ACTIVE, INACTIVE (ended) or DISABLED (withdrawn, never applies);
 * NONE is what a configuration without a current price shows.
 */
public enum PriceState {
    NONE, ACTIVE, INACTIVE, DISABLED, SCHEDULED;

    /** The state a non-disabled window [from, to) has at an instant. */
    public static PriceState at(java.time.Instant now, java.time.Instant from, java.time.Instant to) {
        if (now.isBefore(from)) {
            return SCHEDULED;
        }
        return to != null && !now.isBefore(to) ? INACTIVE : ACTIVE;
    }
}
