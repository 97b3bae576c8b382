package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.orders.OrdersCommands.CustomerChanges;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersViews.CustomerView;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** A seller's customers: the caller sells as its own account; an admin sees every seller's. */
@ApplicationScoped
public class CustomerService {

    private final Customers customers;
    private final Clock clock;

    CustomerService(Customers customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public CustomerView create(Caller caller, @Valid @NotNull NewCustomer cmd) {
        return customers.create(caller.accountId(), cmd, clock.instant(), caller.actor());
    }

    /** The caller's own customer only (404 otherwise, an admin's included): changes are the seller's. */
    @Transactional
    public CustomerView change(Caller caller, long customerId, @Valid @NotNull CustomerChanges changes) {
        return customers.change(caller.accountId(), customerId, changes, clock.instant(), caller.actor());
    }

    @Transactional
    public Page<CustomerView> list(Caller caller, String text, PageRequest page) {
        return customers.list(caller.ownerFilter(), text, page);
    }

    /** 404 for another seller's customer unless the caller is an admin. */
    @Transactional
    public CustomerView get(Caller caller, long customerId) {
        long seller = customers.sellerOf(customerId)
                .orElseThrow(() -> new DomainException.NotFound("customer", customerId));
        caller.requireVisible("customer", customerId, seller);
        return customers.find(seller, customerId).orElseThrow();
    }
}
