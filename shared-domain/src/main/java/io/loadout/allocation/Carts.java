package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The only writer of {@code cart} and {@code cart_line}. A state change takes the cart as it was read under its
 * client's lock ({@link #lock}), checks the current status and returns what happened for the caller to act on.
 */
@ApplicationScoped
public class Carts {

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;

    Carts(Sql sql, Directory directory, Ledger ledger) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long draft(ClientRef client, StoreRef store, BigDecimal amount, CartPlanner.Plan plan, Instant expiresAt,
                      Instant now, Actor actor) {
        long cartId = sql.one("""
                insert into cart (client_id, store_id, status, requested_amount, goods_total, created_at, created_by,
                                  expires_at)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?) returning id""",
                List.of(client.id(), store.id(), amount, CartService.money(plan.totalCents()), now, actor.name(),
                        expiresAt), r -> r.getLong("id")).orElseThrow();
        sql.update("""
                insert into cart_line (cart_id, lot_id, quantity, unit_cost)
                select ?, p.lot, p.quantity, p.cost from unnest(?::bigint[], ?::integer[], ?::numeric[])
                       as p(lot, quantity, cost)""",
                List.of(cartId, plan.picks().stream().map(CartPlanner.Pick::lotId).toArray(Long[]::new),
                        plan.picks().stream().map(CartPlanner.Pick::quantity).toArray(Integer[]::new),
                        plan.picks().stream().map(p -> CartService.money(p.unitCents())).toArray(BigDecimal[]::new)));
        return cartId;
    }

    /** The cart read under its client's lock, with the balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ledger.Locked<CartView> lock(long cartId, Caller caller) {
        return ledger.lockClientOf(Ledger.ClientOwned.CART, cartId, () -> view(cartId, caller));
    }

    /**
     * DRAFT → CONFIRMED, refused when it is not a draft, has expired or is empty. The caller reserves the units and
     * debits the goods in the same transaction and appends the event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CartConfirmed confirm(Ledger.Locked<CartView> locked, Instant now) {
        var cart = locked.row();
        if (cart.status() != CartStatus.DRAFT) {
            throw new DomainException.Conflict("status", "cart " + cart.id() + " is " + cart.status() + ", not a draft");
        }
        if (!now.isBefore(cart.expiresAt())) {
            throw new DomainException.Conflict("expiresAt", "cart " + cart.id() + " expired at " + cart.expiresAt()
                    + "; generate a new one");
        }
        if (cart.lines().isEmpty()) {
            throw new DomainException.Conflict("lines", "cart " + cart.id() + " is empty; nothing to confirm");
        }
        sql.update("update cart set status = 'CONFIRMED', confirmed_at = ? where id = ? and status = 'DRAFT'",
                List.of(now, cart.id()));
        return new CartConfirmed(cart.id(), cart.client(), cart.store(), cart.units(), cart.goodsTotal(),
                locked.balance().subtract(cart.goodsTotal()));
    }

    /** Any status but CANCELLED → CANCELLED; returns the status it had (a confirmed cart's units go back). */
    @Transactional(Transactional.TxType.MANDATORY)
    public CartStatus cancel(Ledger.Locked<CartView> locked, Instant now) {
        var cart = locked.row();
        if (cart.status() == CartStatus.CANCELLED) {
            throw new DomainException.Conflict("status", "cart " + cart.id() + " is already cancelled");
        }
        sql.update("update cart set status = 'CANCELLED', cancelled_at = ? where id = ?", List.of(now, cart.id()));
        return cart.status();
    }

    /** Moves the client's drafts for one store to another (a transfer suggestion accepted); how many moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveDrafts(long clientId, long fromStoreId, long toStoreId) {
        return sql.update("update cart set store_id = ? where client_id = ? and store_id = ? and status = 'DRAFT'",
                List.of(toStoreId, clientId, fromStoreId));
    }

    /** Goods in the client's unexpired drafts: shown as reserved, and kept out of new drafts' budgets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal reservedByDrafts(long clientId, Instant now) {
        return sql.one("select coalesce(sum(goods_total), 0) total from cart where client_id = ? and status = 'DRAFT'"
                + " and expires_at > ?", List.of(clientId, now), r -> r.getDecimal("total")).orElseThrow();
    }

    /** The ASINs of the cart no longer ungated YES for its store. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> notUngated(CartView cart) {
        return sql.list("""
                select distinct l.asin from cart_line c join inventory_lot l on l.id = c.lot_id
                  left join ungating u on u.store_id = ? and u.asin = l.asin
                 where c.cart_id = ? and (u.status is null or u.status <> 'YES') order by 1""",
                List.of(cart.store().id(), cart.id()), r -> r.getString("asin"));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CartView view(long cartId, Caller caller) {
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
}
