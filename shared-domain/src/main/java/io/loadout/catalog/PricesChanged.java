package io.loadout.catalog;

import io.loadout.event.DomainEvent;
import java.time.Instant;
import java.util.List;

/**
 * Price states changed at {@code changedAt}: one event per statement that changed them, split into events of at most
 * {@link #MAX_CHANGES} changes each, every change in exactly one of them (ADR 0024). A catch-up after a long outage
 * is tens of thousands of changes: one outbox row per change was most of the job's time.
 */
public record PricesChanged(Instant changedAt, List<PriceChange> changes) implements DomainEvent {

    public static final String TYPE = "catalog.prices.changed";
    /** About 170 bytes of JSON each: 1,000 keep a message near 170 KB, far under Pub/Sub's 10 MB. */
    public static final int MAX_CHANGES = 1_000;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
