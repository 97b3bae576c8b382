package io.loadout.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records domain events in the same transaction as the state change that caused them. */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxAppended> appended;
    private final Event<OutboxRowsInserted> rowsInserted;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, Event<OutboxAppended> appended,
           Event<OutboxRowsInserted> rowsInserted) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.appended = appended;
        this.rowsInserted = rowsInserted;
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

    /**
     * For set-based writers that insert outbox rows with SQL in the current transaction: the relay publishes them
     * right after the commit, like appended events (up to a batch; the sweep takes any rest).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertedInBulk(List<UUID> eventIds) {
        if (!eventIds.isEmpty()) {
            rowsInserted.fire(new OutboxRowsInserted(List.copyOf(eventIds)));
        }
    }

    public record OutboxRowsInserted(List<UUID> eventIds) {
    }

    /** Fired inside the transaction; the relay observes it after a successful commit. */
    public record OutboxAppended(EventEnvelope envelope) {
    }
}
