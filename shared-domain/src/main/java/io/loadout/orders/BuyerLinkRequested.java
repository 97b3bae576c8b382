package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A buyer asked for their link by mail, and the address is the seller's customer's. The notifier issues a fresh
 * link and mails it ({@link OrderMailPolicies}): the secret never sits in an event, the outbox or a log.
 */
@RegisterForReflection
public record BuyerLinkRequested(long sellerId, BuyerContact buyer) implements DomainEvent {

    public static final String TYPE = "orders.buyer-link.requested";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
