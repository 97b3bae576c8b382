package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.allocation.BalanceShortfalls.Reason;
import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The cart generator. A draft picks units (oldest lots first, only ASINs ungated YES for the store) whose goods
 * cost stays within min(amount, available balance); confirming reserves the units and debits the ledger in one
 * transaction under the client lock, so concurrent confirmations never overdraw a client or a lot.
 */
@ApplicationScoped
public class CartService {

    private final Sql sql;
    private final Directory directory;
    private final Lots lots;
    private final Ledger ledger;
    private final BalanceShortfalls shortfalls;
    private final Outbox outbox;
    private final AllocationConfig config;
    private final Clock clock;

    CartService(Sql sql, Directory directory, Lots lots, Ledger ledger, BalanceShortfalls shortfalls, Outbox outbox,
                AllocationConfig config, Clock clock) {
        this.sql = sql;
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

    @Transactional
    public Generated generate(long clientId, long storeId, BigDecimal amount, Caller caller) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new DomainException.InvalidInput("amount", "must be a positive amount with at most 2 decimals");
        }
        var client = directory.client(clientId, caller);
        var store = directory.storeOf(client, storeId, "storeId");
        var now = clock.instant();
        BigDecimal balance = ledger.balance(clientId);
        BigDecimal reserved = reservedByDrafts(clientId, now);
        BigDecimal available = balance.subtract(reserved).max(BigDecimal.ZERO);
        BigDecimal budget = amount.min(available);
        Shortfall shortfall = amount.compareTo(available) > 0
                ? shortfalls.record(client, store, Reason.CART, "cart for " + store.name(), amount, available) : null;
        var candidates = lots.availableForStore(storeId);
        var plan = CartPlanner.plan(candidates.stream()
                .map(l -> new CartPlanner.Candidate(l.lotId(), cents(l.unitCost()), l.available())).toList(), cents(budget));
        long cartId = sql.one("""
                insert into cart (client_id, store_id, status, requested_amount, goods_total, created_at, created_by,
                                  expires_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?) returning id""",
                List.of(clientId, storeId, amount, money(plan.totalCents()), now, Actor.of(caller).name(),
                        now.plus(config.cart().draftLifetime())), r -> r.getLong("id")).orElseThrow();
        if (!plan.picks().isEmpty()) {
            sql.update("""
                    insert into cart_line (cart_id, lot_id, quantity, unit_cost)
                    select ?, p.lot, p.quantity, p.cost from unnest(?::bigint[], ?::integer[], ?::numeric[])
                           as p(lot, quantity, cost)""",
                    List.of(cartId, plan.picks().stream().map(CartPlanner.Pick::lotId).toArray(Long[]::new),
                            plan.picks().stream().map(CartPlanner.Pick::quantity).toArray(Integer[]::new),
                            plan.picks().stream().map(p -> money(p.unitCents())).toArray(BigDecimal[]::new)));
        }
        return new Generated(view(cartId, caller), balance, reserved, shortfall);
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
            var recorded = QuarkusTransaction.requiringNew().call(() -> shortfalls.record(
                    directory.client(short_.cart.client().id(), caller), short_.cart.store(), Reason.CART,
                    "cart/" + cartId, short_.cart.goodsTotal(), short_.balance));
            throw new DomainException.Conflict("balance", "client balance " + short_.balance + " is "
                    + recorded.amount() + " short of the cart's " + short_.cart.goodsTotal()
                    + (recorded.mutualStore() == null ? "" : "; suggestion " + recorded.suggestionId()
                    + " proposes moving the units to mutual store " + recorded.mutualStore().name()),
                    recorded.suggestionId() == null ? null : "transfer-suggestion/" + recorded.suggestionId());
        }
    }

    private static final class ShortBalance extends RuntimeException {
        private final CartView cart;
        private final BigDecimal balance;

        ShortBalance(CartView cart, BigDecimal balance) {
            super(null, null, false, false);
            this.cart = cart;
            this.balance = balance;
        }
    }

    private CartView confirmNow(long cartId, Caller caller) {
        var cart = view(cartId, caller);
        BigDecimal balance = ledger.lockBalance(cart.client().id());
        cart = view(cartId, caller);
        if (cart.status() != CartStatus.DRAFT) {
            throw new DomainException.Conflict("status", "cart " + cartId + " is " + cart.status() + ", not a draft");
        }
        var now = clock.instant();
        if (!now.isBefore(cart.expiresAt())) {
            throw new DomainException.Conflict("expiresAt", "cart " + cartId + " expired at " + cart.expiresAt()
                    + "; generate a new one");
        }
        if (cart.lines().isEmpty()) {
            throw new DomainException.Conflict("lines", "cart " + cartId + " is empty; nothing to confirm");
        }
        var gated = notUngated(cart);
        if (!gated.isEmpty()) {
            throw new DomainException.Conflict("lines", "no longer ungated YES for store " + cart.store().name() + ": "
                    + gated + "; generate the cart again");
        }
        if (balance.compareTo(cart.goodsTotal()) < 0) {
            throw new ShortBalance(cart, balance);
        }
        lots.reserve(cart.client().id(), cart.store().id(), cart.lines().stream()
                .map(l -> new Lots.Reservation(l.lotId(), l.quantity(), l.unitCost())).toList(), AllocationSource.CART, cartId);
        var actor = Actor.of(caller);
        ledger.debit(cart.client().id(), LedgerKind.GOODS_DEBIT, cart.goodsTotal(), "cart/" + cartId, actor);
        sql.update("update cart set status = 'CONFIRMED', confirmed_at = ? where id = ?", List.of(now, cartId));
        var confirmed = view(cartId, caller);
        outbox.append(new CartConfirmed(cartId, cart.client(), cart.store(), cart.units(), cart.goodsTotal(),
                balance.subtract(cart.goodsTotal())));
        return confirmed;
    }

    /**
     * A draft is dropped; a confirmed cart gives back the units not yet on a confirmed pallet and refunds their
     * goods value. Units already on a confirmed pallet stay allocated (cancel the pallet's shipment first).
     */
    @Transactional
    public CartView cancel(long cartId, Caller caller) {
        var cart = view(cartId, caller);
        ledger.lockBalance(cart.client().id());
        cart = view(cartId, caller);
        var now = clock.instant();
        switch (cart.status()) {
            case CANCELLED -> throw new DomainException.Conflict("status", "cart " + cartId + " is already cancelled");
            case DRAFT -> { }
            case CONFIRMED -> {
                BigDecimal released = lots.releaseCart(cartId);
                if (released.signum() > 0) {
                    ledger.credit(cart.client().id(), LedgerKind.REFUND, released, "cart/" + cartId + " cancelled",
                            Actor.of(caller));
                }
            }
        }
        sql.update("update cart set status = 'CANCELLED', cancelled_at = ? where id = ?", List.of(now, cartId));
        return view(cartId, caller);
    }

    @Transactional
    public CartView get(long cartId, Caller caller) {
        return view(cartId, caller);
    }

    /** Goods in the client's unexpired drafts: shown as reserved, and kept out of new drafts' budgets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal reservedByDrafts(long clientId, Instant now) {
        return sql.one("select coalesce(sum(goods_total), 0) total from cart where client_id = ? and status = 'DRAFT'"
                + " and expires_at > ?", List.of(clientId, now), r -> r.getDecimal("total")).orElseThrow();
    }

    private List<String> notUngated(CartView cart) {
        return sql.list("""
                select distinct l.asin from cart_line c join inventory_lot l on l.id = c.lot_id
                  left join ungating u on u.store_id = ? and u.asin = l.asin
                 where c.cart_id = ? and (u.status is null or u.status <> 'YES') order by 1""",
                List.of(cart.store().id(), cart.id()), r -> r.getString("asin"));
    }

    private CartView view(long cartId, Caller caller) {
        var head = sql.one("select * from cart where id = ?", List.of(cartId), r -> new CartRow(r.getLong("client_id"),
                r.getLong("store_id"), r.getEnum("status", CartStatus.class), r.getDecimal("requested_amount"),
                r.getDecimal("goods_total"), r.getInstant("created_at"), r.getInstant("expires_at"),
                r.getInstant("confirmed_at"), r.getInstant("cancelled_at")))
                .orElseThrow(() -> new DomainException.NotFound("cart", cartId));
        ClientRef client;
        try {
            client = directory.client(head.clientId(), caller);
        } catch (DomainException.NotFound e) {
            throw new DomainException.NotFound("cart", cartId);
        }
        var lines = sql.list("""
                select c.lot_id, l.asin, l.title, l.date_added, c.quantity, c.unit_cost from cart_line c
                  join inventory_lot l on l.id = c.lot_id where c.cart_id = ? order by l.date_added, l.id""",
                List.of(cartId), r -> new CartView.Line(r.getLong("lot_id"), r.getString("asin"), r.getString("title"),
                        r.getObject("date_added", LocalDate.class), (int) r.getLong("quantity"), r.getDecimal("unit_cost"),
                        r.getDecimal("unit_cost").multiply(BigDecimal.valueOf(r.getLong("quantity")))));
        return new CartView(cartId, client, directory.store(head.storeId()), head.status(), head.requestedAmount(),
                head.goodsTotal(), lines.stream().mapToInt(CartView.Line::quantity).sum(), head.createdAt(),
                head.expiresAt(), head.confirmedAt(), head.cancelledAt(), lines);
    }

    private record CartRow(long clientId, long storeId, CartStatus status, BigDecimal requestedAmount,
                           BigDecimal goodsTotal, Instant createdAt, Instant expiresAt, Instant confirmedAt,
                           Instant cancelledAt) {
    }

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
