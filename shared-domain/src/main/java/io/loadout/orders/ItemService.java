package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.orders.OrdersCommands.ItemChanges;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.orders.OrdersViews.ItemView;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
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

    /** The caller's own item only (404 otherwise, an admin's included): changes are the seller's. */
    @Transactional
    public ItemView change(Caller caller, long itemId, @Valid @NotNull ItemChanges changes) {
        return items.change(caller.accountId(), itemId, changes, clock.instant(), caller.actor());
    }

    @Transactional
    public Page<ItemView> list(Caller caller, String text, Boolean active, PageRequest page) {
        return items.list(caller.ownerFilter(), text, active, page);
    }

    /** 404 for another seller's item unless the caller is an admin. */
    @Transactional
    public ItemView get(Caller caller, long itemId) {
        long seller = items.sellerOf(itemId).orElseThrow(() -> new DomainException.NotFound("item", itemId));
        caller.requireVisible("item", itemId, seller);
        return items.find(seller, itemId).orElseThrow();
    }
}
