package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A store needs an invoice uploaded before it may sell an ASIN; an admin task was opened for it. */
@RegisterForReflection
public record InvoiceNeeded(long taskId, String store, String storeName, String asin) implements DomainEvent {

    public static final String TYPE = "allocation.ungating.invoice-needed";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return null;
    }
}
