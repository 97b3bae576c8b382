package io.loadout.orders;

import io.loadout.event.Outbox;
import io.loadout.orders.BuyerPages.BuyerPage;
import io.loadout.shared.DomainException;
import io.loadout.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;

/**
 * The buyer's side: their page, opened by a link's secret, and "email me my link". Neither tells a stranger
 * anything: a wrong, expired or revoked secret is the same 401, and a link request answers the same whether or not
 * the address is a customer's.
 */
@ApplicationScoped
public class BuyerService {

    /** The header the buyer page sends the secret in (it reads it from the URL fragment, which no server sees). */
    public static final String TOKEN_HEADER = "X-Buyer-Token";

    private final BuyerLinks links;
    private final BuyerPages pages;
    private final Customers customers;
    private final Outbox outbox;
    private final Clock clock;

    BuyerService(BuyerLinks links, BuyerPages pages, Customers customers, Outbox outbox, Clock clock) {
        this.links = links;
        this.pages = pages;
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** "Email me my link": the seller's storefront page knows its seller id; the buyer gives an address. */
    public record LinkRequest(@NotNull Long sellerId, @NotBlank @Email @Size(max = 320) String email) {
    }

    @Transactional
    public BuyerPage page(String secret, PageRequest page) {
        var access = links.open(secret, clock.instant()).orElseThrow(() -> new DomainException.Unauthenticated(
                TOKEN_HEADER, "this link does not open any orders: it may have expired or been replaced; ask for a new one"));
        var orders = pages.orders(access.sellerId(), access.customerId(), page);
        return new BuyerPage(access.buyerName(), access.sellerName(), orders.totals(), orders.page(), access.expiresAt());
    }

    /**
     * Counts the request against the address (429 beyond the limit, for any address alike); when the address is
     * the seller's customer's, the notifier mails a fresh link ({@link BuyerLinkRequested}).
     */
    @Transactional
    public void requestLink(@Valid @NotNull LinkRequest request) {
        Instant now = clock.instant();
        long wait = links.admitRequest(request.email(), now);
        if (wait > 0) {
            throw new DomainException.RateLimited("email", "too many link requests for this address; try again in "
                    + wait + " s", wait);
        }
        customers.byEmail(request.sellerId(), request.email()).ifPresent(customer -> outbox.append(
                new BuyerLinkRequested(customer.sellerId(), customers.contactOf(customer))));
    }
}
