package io.loadout.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves recorded events to the transport: right after their transaction commits, and again from the
 * {@code outbox-sweep} job for any the first attempt missed (crash, transport outage).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BULK_BATCH = 500;

    private final EventPublisher publisher;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxRelay(EventPublisher publisher, EntityManager em, ObjectMapper json, Clock clock) {
        this.publisher = publisher;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        var envelope = appended.envelope();
        try {
            publisher.publish(envelope);
            QuarkusTransaction.requiringNew().run(() -> em.find(OutboxEvent.class, envelope.id()).published(clock.instant()));
        } catch (Exception e) {
            LOG.warnf(e, "publishing event %s (%s) failed; outbox-sweep will retry", envelope.id(), envelope.type());
            QuarkusTransaction.requiringNew().run(() -> em.find(OutboxEvent.class, envelope.id()).publishFailed(String.valueOf(e)));
        }
    }

    /** Publishes set-based inserted events right after their commit, up to {@value #BULK_BATCH}; the sweep does the rest. */
    void afterBulkCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxRowsInserted inserted) {
        var ids = inserted.eventIds().subList(0, Math.min(BULK_BATCH, inserted.eventIds().size()));
        try {
            publishPending("id = any(:ids)", "ids", ids.toArray(UUID[]::new), ids.size());
        } catch (RuntimeException e) {
            LOG.warnf(e, "publishing %d bulk-inserted events failed; outbox-sweep will retry", ids.size());
        }
    }

    /**
     * Republishes events still unpublished after {@code grace}, oldest first. Rows are locked with SKIP LOCKED so
     * concurrent sweeps never publish the same event twice at once. Returns how many were published.
     */
    public int sweep(Duration grace, int limit) {
        return publishPending("occurred_at < :cutoff", "cutoff", clock.instant().minus(grace), limit);
    }

    private int publishPending(String condition, String parameter, Object value, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> pending = em.createNativeQuery("""
                    select * from outbox_event
                    where published_at is null and %s
                    order by occurred_at limit :limit for update skip locked""".formatted(condition), OutboxEvent.class)
                    .setParameter(parameter, value)
                    .setParameter("limit", limit)
                    .getResultList();
            int published = 0;
            for (OutboxEvent row : pending) {
                try {
                    publisher.publish(toEnvelope(row));
                    row.published(clock.instant());
                    published++;
                } catch (Exception e) {
                    row.publishFailed(String.valueOf(e));
                    LOG.warnf(e, "could not publish event %s", row.id());
                }
            }
            return published;
        });
    }

    public long backlog() {
        return QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select count(e) from OutboxEvent e where e.publishedAt is null", Long.class).getSingleResult());
    }

    /** The stored row as committed now (its own transaction, so never a stale cached copy). */
    public OutboxEvent find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(OutboxEvent.class, id));
    }

    EventEnvelope toEnvelope(OutboxEvent row) throws JsonProcessingException {
        return new EventEnvelope(row.id(), row.type(), row.version(), row.occurredAt(), row.accountId(),
                json.readTree(row.payload()));
    }
}
