package io.loadout.event;

/**
 * Something that happened in the domain, returned by aggregates and recorded in the outbox. The record's own
 * fields are the payload; {@link #type()} and {@link #version()} let consumers evolve independently.
 */
public interface DomainEvent {

    /** Dotted lower-case name, e.g. {@code import.finished}. */
    String type();

    /** Payload schema version; bump on breaking changes. */
    default int version() {
        return 1;
    }

    /** The tenant the event concerns, or null for operator-level events. */
    Long accountId();
}
