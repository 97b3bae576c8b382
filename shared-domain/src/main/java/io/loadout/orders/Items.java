package io.loadout.orders;

import io.loadout.orders.OrdersCommands.ItemChanges;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.orders.OrdersViews.ItemView;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@code item}. Stock moves in one conditional {@code UPDATE}: concurrent orders for the last
 * units wait on the row and re-check {@code stock >= quantity} on its newest version, so exactly the units there
 * are get sold, and the table's check keeps stock from ever going below zero.
 */
@ApplicationScoped
public class Items {

    private final Sql sql;

    Items(Sql sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ItemView create(long sellerId, NewItem cmd, Instant now, Actor actor) {
        String sku = cmd.sku().strip();
        bySku(sellerId, sku).ifPresent(existing -> {
            throw skuTaken(sellerId, sku, existing);
        });
        try {
            return sql.one("""
                    insert into item (seller_id, sku, name, price, stock, active, created_at, created_by, updated_at,
                                      updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning *""",
                    List.of(sellerId, sku, cmd.name().strip(), cmd.price(), cmd.stock(),
                            cmd.active() == null || cmd.active(), now, actor.name(), now, actor.name()),
                    Items::view).orElseThrow();
        } catch (RuntimeException e) {
            if (Sql.violatedConstraint(e).filter("item_seller_sku_uq"::equals).isPresent()) {
                throw skuTaken(sellerId, sku, bySku(sellerId, sku).orElse(null)); // a racing create won
            }
            throw e;
        }
    }

    public Optional<ItemView> find(long sellerId, long itemId) {
        return sql.one("select * from item where id = ? and seller_id = ?", List.of(itemId, sellerId), Items::view);
    }

    /** Changes the seller's item (404 for another seller's); stock is set to the units counted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ItemView change(long sellerId, long itemId, ItemChanges changes, Instant now, Actor actor) {
        return sql.one("""
                update item set name = coalesce(?, name), price = coalesce(?, price), stock = coalesce(?, stock),
                                active = coalesce(?, active), updated_at = ?, updated_by = ?
                 where id = ? and seller_id = ? returning *""",
                java.util.Arrays.asList(changes.name() == null ? null : changes.name().strip(), changes.price(),
                        changes.stock(), changes.active(), now, actor.name(), itemId, sellerId), Items::view)
                .orElseThrow(() -> new DomainException.NotFound("item", itemId));
    }

    /** Whose item this is, if it exists. */
    public Optional<Long> sellerOf(long itemId) {
        return sql.one("select seller_id from item where id = ?", List.of(itemId), r -> r.getLong("seller_id"));
    }

    /** The seller's items (every seller's for {@code null}), newest first; {@code text} in SKU or name. */
    public Page<ItemView> list(Long sellerId, String text, Boolean active, PageRequest page) {
        return sql.page("select * from item", List.of(), new Where().equal("seller_id", sellerId)
                .equal("active", active).containsInAny(text, "sku", "name"), "id", page, Items::view, ItemView::id);
    }

    /**
     * Takes {@code quantity} units of the seller's item out of stock for the order line at {@code line} (e.g.
     * {@code lines[2]}), or refuses naming {@code line.itemId} (404: no such item of this seller; 409: inactive) or
     * {@code line.quantity} (fewer units left than asked).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ItemView take(long sellerId, long itemId, int quantity, String line, Instant now, Actor actor) {
        var taken = sql.one("""
                update item set stock = stock - ?, updated_at = ?, updated_by = ?
                 where id = ? and seller_id = ? and active and stock >= ? returning *""",
                List.of(quantity, now, actor.name(), itemId, sellerId, quantity), Items::view);
        if (taken.isPresent()) {
            return taken.get();
        }
        var item = find(sellerId, itemId).orElseThrow(() -> DomainException.NotFound.referencedBy(line + ".itemId",
                "item", itemId));
        if (!item.active()) {
            throw new DomainException.Conflict(line + ".itemId", "item " + item.sku() + " is inactive");
        }
        throw new DomainException.Conflict(line + ".quantity", "item " + item.sku() + " has " + item.stock()
                + " in stock, " + quantity + " asked");
    }

    /** Puts units back (a cancelled or reduced line); an inactive item takes them back too. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ItemView giveBack(long sellerId, long itemId, int quantity, Instant now, Actor actor) {
        return sql.one("""
                update item set stock = stock + ?, updated_at = ?, updated_by = ?
                 where id = ? and seller_id = ? returning *""",
                List.of(quantity, now, actor.name(), itemId, sellerId), Items::view)
                .orElseThrow(() -> new IllegalStateException("item " + itemId + " of seller " + sellerId + " is gone"));
    }

    private Optional<ItemView> bySku(long sellerId, String sku) {
        return sql.one("select * from item where seller_id = ? and lower(sku) = lower(?)", List.of(sellerId, sku),
                Items::view);
    }

    private static DomainException skuTaken(long sellerId, String sku, ItemView existing) {
        return new DomainException.Conflict("sku", "seller " + sellerId + " already has an item with SKU " + sku,
                existing == null ? null : "item/" + existing.id());
    }

    static ItemView view(Sql.Row r) throws SQLException {
        return new ItemView(r.getLong("id"), r.getLong("seller_id"), r.getString("sku"), r.getString("name"),
                r.getDecimal("price"), (int) r.getLong("stock"), r.getBoolean("active"), r.getInstant("created_at"),
                r.getInstant("updated_at"));
    }
}
