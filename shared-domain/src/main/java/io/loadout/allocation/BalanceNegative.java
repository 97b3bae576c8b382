package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * A partner booked entries (AutoFBA fees, say) that left a client's balance below zero. Our own debits can never do
 * that (the ledger trigger refuses them); a partner's entries are facts we must book, so the admin is told instead.
 */
@RegisterForReflection
public record BalanceNegative(ClientRef client, BigDecimal balance, int entriesBooked, String source)
        implements DomainEvent {

    public static final String TYPE = "allocation.balance.negative";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return client.accountId();
    }
}
