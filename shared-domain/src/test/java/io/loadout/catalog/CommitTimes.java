package io.loadout.catalog;

import io.loadout.event.Outbox;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

/**
 * For {@link CatalogBench}: when the last transaction that recorded events in bulk committed. Observes the same
 * after-commit event as the outbox relay, before it (lower priority value), so the time between this and the end of
 * the job's call is the relay publishing the events.
 */
@Singleton
public class CommitTimes {

    private volatile long lastCommitNanos;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(1) Outbox.OutboxRowsInserted inserted) {
        lastCommitNanos = System.nanoTime();
    }

    long lastCommitNanos() {
        return lastCommitNanos;
    }
}
