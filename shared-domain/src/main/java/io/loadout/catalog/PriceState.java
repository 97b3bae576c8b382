package io.loadout.catalog;

/**
 * Where a price stands. Stored prices are SCHEDULED, ACTIVE, INACTIVE (ended) or DISABLED (withdrawn, never applies);
 * NONE is what a configuration without a current price shows.
 */
public enum PriceState {
    NONE, ACTIVE, INACTIVE, DISABLED, SCHEDULED
}
