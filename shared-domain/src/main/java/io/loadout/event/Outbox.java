package io.loadout.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Records domain events in the same transaction as the state change that caused them. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxAppended> appended;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, Event<OutboxAppended> appended) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
    }

    /** Must run inside the caller's transaction: the event exists if and only if the change commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(DomainEvent event) {
        JsonNode payload = json.valueToTree(event);
        var envelope = new EventEnvelope(UUID.randomUUID(), event.type(), event.version(), clock.instant(),
                event.accountId(), payload);
        em.persist(new OutboxEvent(envelope.id(), envelope.type(), envelope.version(), envelope.accountId(),
                envelope.occurredAt(), payload.toString()));
        appended.fire(new OutboxAppended(envelope));
        return envelope;
    }

    /** Fired inside the transaction; the relay observes it after a successful commit. */
    public record OutboxAppended(EventEnvelope envelope) {
    }
}
