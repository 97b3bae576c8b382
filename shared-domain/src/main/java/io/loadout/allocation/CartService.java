package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.allocation.BalanceShortfalls.Reason;
import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;

/**
 * The cart generator. A draft picks units (oldest lots first, only ASINs ungated YES for the store) whose goods
 * cost stays within min(amount, available balance); confirming reserves the units and debits the ledger in one
 * transaction under the client lock, so concurrent confirmations never overdraw a client or a lot. A cart that
 * could hold nothing is refused with the reason, never saved as an empty draft.
 */
@ApplicationScoped
public class CartService {

    private final Carts carts;
    private final Directory directory;
    private final Lots lots;
    private final Ledger ledger;
    private final BalanceShortfalls shortfalls;
    private final Outbox outbox;
    private final AllocationConfig config;
    private final Clock clock;

    CartService(Carts carts, Directory directory, Lots lots, Ledger ledger, BalanceShortfalls shortfalls, Outbox outbox,
                AllocationConfig config, Clock clock) {
        this.carts = carts;
        this.directory = directory;
        this.lots = lots;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** A new draft, the balance it was planned against, and the shortfall when the amount exceeded it. */
    public record Generated(CartView cart, BigDecimal balance, BigDecimal reservedByDrafts, Shortfall shortfall) {
    }

    /**
     * Plans and saves a draft. Refused (nothing saved) when no unit of an ASIN ungated YES for the store is left,
     * when the amount buys no unit, or when the balance buys none (then the shortfall is recorded and the admin
     * told, after the refused transaction rolled back).
     */
    public Generated generate(long clientId, long storeId, BigDecimal amount, Caller caller) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new DomainException.InvalidInput("amount", "must be a positive amount with at most 2 decimals");
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> generateNow(clientId, storeId, amount, caller));
        } catch (ShortBalance short_) {
            throw shortfallRecorded(short_, caller, "buys no unit");
        }
    }

    private Generated generateNow(long clientId, long storeId, BigDecimal amount, Caller caller) {
        var client = directory.client(clientId, caller);
        var store = directory.storeOf(client, storeId, "storeId");
        var now = clock.instant();
        BigDecimal balance = ledger.balance(clientId);
        BigDecimal reserved = carts.reservedByDrafts(clientId, now);
        BigDecimal available = balance.subtract(reserved).max(BigDecimal.ZERO);
        var candidates = lots.availableForStore(storeId);
        if (candidates.isEmpty()) {
            throw new DomainException.Conflict("storeId", "no units of an ASIN ungated YES for store " + store.name()
                    + " are left to allocate; nothing to put in a cart");
        }
        var cheapest = candidates.stream().map(Lots.Available::unitCost).min(BigDecimal::compareTo).orElseThrow();
        if (amount.compareTo(cheapest) < 0) {
            throw new DomainException.InvalidInput("amount", "buys no unit: the cheapest unit ungated for store "
                    + store.name() + " costs " + cheapest);
        }
        var plan = CartPlanner.plan(candidates.stream()
                .map(l -> new CartPlanner.Candidate(l.lotId(), cents(l.unitCost()), l.available())).toList(),
                cents(amount.min(available)));
        if (plan.picks().isEmpty()) {
            throw new ShortBalance(client, store, "cart for " + store.name(), amount, available);
        }
        Shortfall shortfall = amount.compareTo(available) > 0
                ? shortfalls.record(client, store, Reason.CART, "cart for " + store.name(), amount, available) : null;
        long cartId = carts.draft(client, store, amount, plan, now.plus(config.cart().draftLifetime()), now,
                Actor.of(caller));
        return new Generated(carts.view(cartId, caller), balance, reserved, shortfall);
    }

    /**
     * Reserves the draft's units and debits its goods total, all or nothing. Refuses with a conflict when the cart
     * is no longer a draft, has expired, an ASIN is no longer ungated, the units are gone, or the balance is short
     * (then the shortfall is recorded and the admin told, after the refused transaction rolled back).
     */
    public CartView confirm(long cartId, Caller caller) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> confirmNow(cartId, caller));
        } catch (ShortBalance short_) {
            throw shortfallRecorded(short_, caller, "is short of the cart's " + short_.needed);
        }
    }

    /** A balance that cannot pay: thrown inside the refused transaction, recorded after it rolled back. */
    private static final class ShortBalance extends RuntimeException {
        private final ClientRef client;
        private final StoreRef store;
        private final String reference;
        private final BigDecimal needed;
        private final BigDecimal balance;

        ShortBalance(ClientRef client, StoreRef store, String reference, BigDecimal needed, BigDecimal balance) {
            super(null, null, false, false);
            this.client = client;
            this.store = store;
            this.reference = reference;
            this.needed = needed;
            this.balance = balance;
        }
    }

    private DomainException.Conflict shortfallRecorded(ShortBalance short_, Caller caller, String what) {
        var recorded = QuarkusTransaction.requiringNew().call(() -> shortfalls.record(
                directory.client(short_.client.id(), caller), short_.store, Reason.CART, short_.reference, short_.needed,
                short_.balance));
        return new DomainException.Conflict("balance", "client balance " + short_.balance + " " + what + " ("
                + recorded.amount() + " short)" + (recorded.mutualStore() == null ? "" : "; suggestion "
                + recorded.suggestionId() + " proposes moving the units to mutual store " + recorded.mutualStore().name()),
                recorded.suggestionId() == null ? null : "transfer-suggestion/" + recorded.suggestionId());
    }

    private CartView confirmNow(long cartId, Caller caller) {
        var locked = carts.lock(cartId, caller);
        var cart = locked.row();
        var confirmed = carts.confirm(locked, clock.instant());
        var gated = carts.notUngated(cart);
        if (!gated.isEmpty()) {
            throw new DomainException.Conflict("lines", "no longer ungated YES for store " + cart.store().name() + ": "
                    + gated + "; generate the cart again");
        }
        if (locked.balance().compareTo(cart.goodsTotal()) < 0) {
            throw new ShortBalance(cart.client(), cart.store(), "cart/" + cartId, cart.goodsTotal(), locked.balance());
        }
        lots.reserve(cart.client().id(), cart.store().id(), cart.lines().stream()
                .map(l -> new Lots.Reservation(l.lotId(), l.quantity(), l.unitCost())).toList(), AllocationSource.CART, cartId);
        ledger.debit(cart.client().id(), LedgerKind.GOODS_DEBIT, cart.goodsTotal(), "cart/" + cartId, Actor.of(caller));
        outbox.append(confirmed);
        return carts.view(cartId, caller);
    }

    /**
     * A draft is dropped; a confirmed cart gives back the units not yet on a confirmed pallet and refunds their
     * goods value. Units already on a confirmed pallet stay allocated (cancel the pallet's shipment first).
     */
    @Transactional
    public CartView cancel(long cartId, Caller caller) {
        var locked = carts.lock(cartId, caller);
        if (carts.cancel(locked, clock.instant()) == CartStatus.CONFIRMED) {
            BigDecimal released = lots.releaseCart(cartId);
            if (released.signum() > 0) {
                ledger.credit(locked.row().client().id(), LedgerKind.REFUND, released, "cart/" + cartId + " cancelled",
                        Actor.of(caller));
            }
        }
        return carts.view(cartId, caller);
    }

    @Transactional
    public CartView get(long cartId, Caller caller) {
        return carts.view(cartId, caller);
    }

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
