package io.loadout.orders;

import io.loadout.account.Caller;
import io.loadout.orders.BuyerLinks.LinkView;
import io.loadout.shared.DomainException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A seller's side of its buyers' links: issue (which ends every earlier one), revoke, and see their use. */
@ApplicationScoped
public class BuyerLinkService {

    private final BuyerLinks links;
    private final Customers customers;
    private final Clock clock;

    BuyerLinkService(BuyerLinks links, Customers customers, Clock clock) {
        this.links = links;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer's live links (never their secrets) and when any was last opened. */
    @RegisterForReflection
    public record LinkStatus(long customerId, List<LinkView> live, Instant lastViewedAt) {
    }

    /** Rotation: every live link of the customer stops working now, and one new link is issued to the seller. */
    @Transactional
    public BuyerLinks.Issued rotate(Caller caller, long customerId) {
        long seller = ownCustomer(caller, customerId);
        Instant now = clock.instant();
        links.revokeAll(seller, customerId, now);
        return links.issue(seller, customerId, LinkReason.SELLER, now, caller.actor());
    }

    /** Every live link of the customer stops working now; the status after it. */
    @Transactional
    public LinkStatus revoke(Caller caller, long customerId) {
        long seller = ownCustomer(caller, customerId);
        links.revokeAll(seller, customerId, clock.instant());
        return status(seller, customerId);
    }

    @Transactional
    public LinkStatus status(Caller caller, long customerId) {
        long seller = customers.sellerOf(customerId).orElseThrow(() -> new DomainException.NotFound("customer", customerId));
        caller.requireVisible("customer", customerId, seller);
        return status(seller, customerId);
    }

    private LinkStatus status(long seller, long customerId) {
        return new LinkStatus(customerId, links.live(seller, customerId, clock.instant()),
                links.lastViewed(seller, customerId).orElse(null));
    }

    /** Links are the seller's to hand out: 404 for another seller's customer, an admin's included. */
    private long ownCustomer(Caller caller, long customerId) {
        return customers.find(caller.accountId(), customerId).map(c -> c.sellerId())
                .orElseThrow(() -> new DomainException.NotFound("customer", customerId));
    }
}
