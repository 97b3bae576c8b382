package io.loadout.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/**
 * Consumer-side idempotency. Marking happens in the consumer's own transaction, so a handler that fails
 * leaves no mark and the redelivery is handled again; one that commits is never handled twice.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True the first time this consumer sees the event; false for every duplicate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("""
                insert into processed_event (consumer, event_id, processed_at) values (:consumer, :id, :now)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("now", clock.instant())
                .executeUpdate() == 1;
    }
}
