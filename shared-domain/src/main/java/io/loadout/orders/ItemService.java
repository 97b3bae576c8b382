package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.orders.OrdersViews.ItemView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** A seller's items: the caller sells as its own account. */
@ApplicationScoped
public class ItemService {

    private final Items items;
    private final Clock clock;

    ItemService(Items items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Transactional
    public ItemView create(Caller caller, @Valid @NotNull NewItem cmd) {
        return items.create(caller.accountId(), cmd, clock.instant(), caller.actor());
    }
}
