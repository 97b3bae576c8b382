package io.loadout.allocation;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * A client's balance could not cover goods or shipping. The admin is asked to request more balance; when the
 * client shares a mutual store, {@code suggestionId} proposes moving the units there.
 */
@RegisterForReflection
public record BalanceInsufficient(ClientRef client, StoreRef store, String reference, BigDecimal needed,
                                  BigDecimal available, BigDecimal shortfall, Long suggestionId, StoreRef mutualStore)
        implements DomainEvent {

    public static final String TYPE = "allocation.balance.insufficient";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return client.accountId();
    }
}
