package io.loadout.allocation;

import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Reserving and releasing units of inventory lots, and recording who they went to. The check constraint
 * {@code inventory_lot_available} keeps every lot's allocated units within its remaining units.
 */
@ApplicationScoped
public class Lots {

    private final Sql sql;
    private final Clock clock;

    Lots(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** A lot with units to spare, as the generators see it. */
    public record Available(long lotId, String asin, LocalDate dateAdded, BigDecimal unitCost, int available,
                            BigDecimal weightLb, BigDecimal lengthIn, BigDecimal widthIn, BigDecimal heightIn,
                            BigDecimal minShip, BigDecimal maxShip) {
    }

    private static final String AVAILABLE_SELECT = """
            select l.id, l.asin, l.date_added, l.unit_cost, l.qty_remaining - l.qty_allocated available, l.unit_weight_lb,
                   l.length_in, l.width_in, l.height_in, l.min_ship, l.max_ship
              from inventory_lot l""";

    /** Lots of ASINs ungated YES for the store, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Available> availableForStore(long storeId) {
        return sql.list(AVAILABLE_SELECT + """
                 join ungating u on u.store_id = ? and u.asin = l.asin and u.status = 'YES'
                where l.qty_allocated < l.qty_remaining
                order by l.date_added, l.id""", List.of(storeId), Lots::available);
    }

    /** Lots of one ASIN with units to spare, oldest first, locked until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Available> lockAvailable(String asin) {
        return sql.list(AVAILABLE_SELECT + """
                 where l.asin = ? and l.qty_allocated < l.qty_remaining
                order by l.date_added, l.id for update""", List.of(asin), Lots::available);
    }

    private static Available available(Sql.Row r) throws java.sql.SQLException {
        return new Available(r.getLong("id"), r.getString("asin"), r.getObject("date_added", LocalDate.class),
                r.getDecimal("unit_cost"), (int) r.getLong("available"), r.getDecimal("unit_weight_lb"),
                r.getDecimal("length_in"), r.getDecimal("width_in"), r.getDecimal("height_in"),
                r.getDecimal("min_ship"), r.getDecimal("max_ship"));
    }

    /** One reservation to make: units of a lot for a client's store, at a unit cost, from a source. */
    public record Reservation(long lotId, int quantity, BigDecimal unitCost) {
    }

    /**
     * Takes the units from their lots and records the allocations (their ids, in order). When a lot no longer has
     * the units it refuses with a conflict, and the caller's transaction rolls back whatever was taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> reserve(long clientId, long storeId, List<Reservation> reservations, AllocationSource source,
                           Long sourceId) {
        Long[] lotIds = reservations.stream().map(Reservation::lotId).toArray(Long[]::new);
        Integer[] quantities = reservations.stream().map(Reservation::quantity).toArray(Integer[]::new);
        int taken = sql.update("""
                update inventory_lot l set qty_allocated = l.qty_allocated + r.quantity
                  from (select lot, sum(quantity) quantity from unnest(?::bigint[], ?::integer[]) as x(lot, quantity)
                         group by lot) r
                 where l.id = r.lot and l.qty_remaining - l.qty_allocated >= r.quantity""",
                List.of(lotIds, quantities));
        if (taken != java.util.Arrays.stream(lotIds).distinct().count()) {
            throw new DomainException.Conflict("lots", "some units were allocated to someone else meanwhile; "
                    + "generate the cart again");
        }
        return sql.list("""
                insert into allocation (lot_id, client_id, store_id, quantity, unit_cost, source, cart_id, preorder_id,
                                        created_at)
                select r.lot, ?, ?, r.quantity, r.cost, ?, ?, ?, ? from unnest(?::bigint[], ?::integer[], ?::numeric[])
                       with ordinality as r(lot, quantity, cost, n)
                 order by r.n
                returning id""",
                java.util.Arrays.asList(clientId, storeId, source, source == AllocationSource.CART ? sourceId : null,
                        source == AllocationSource.PREORDER ? sourceId : null, clock.instant(), lotIds, quantities,
                        reservations.stream().map(Reservation::unitCost).toArray(BigDecimal[]::new)),
                r -> r.getLong("id"));
    }

    /**
     * Counts the pallet's units as packed on their allocations; refused with a conflict unless every line's
     * allocation is still there with the units unpacked (cancelled or packed meanwhile).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void packPallet(long palletId) {
        int lines = sql.one("select count(*) n from pallet_line where pallet_id = ?", List.of(palletId),
                r -> (int) r.getLong("n")).orElseThrow();
        int packed = sql.update("""
                update allocation a set qty_packed = a.qty_packed + l.quantity from pallet_line l
                 where l.pallet_id = ? and l.allocation_id = a.id and a.released_at is null
                   and a.quantity - a.qty_packed >= l.quantity""", List.of(palletId));
        if (packed != lines) {
            throw new DomainException.Conflict("lines", "some of the pallet's units were cancelled or packed meanwhile; "
                    + "generate the pallets again");
        }
    }

    /** Moves the client's unpacked units of ASINs ungated YES at the other store there; how many allocations moved. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int moveUnpacked(long clientId, long fromStoreId, long toStoreId) {
        return sql.update("""
                update allocation a set store_id = ? from inventory_lot l
                 where l.id = a.lot_id and a.client_id = ? and a.store_id = ? and a.released_at is null and a.qty_packed = 0
                   and exists (select 1 from ungating u where u.store_id = ? and u.asin = l.asin and u.status = 'YES')""",
                List.of(toStoreId, clientId, fromStoreId, toStoreId));
    }

    /** Allocations of the client at the store with no unit packed yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int countUnpacked(long clientId, long storeId) {
        return sql.one("""
                select count(*) n from allocation where client_id = ? and store_id = ? and released_at is null
                   and qty_packed = 0""", List.of(clientId, storeId), r -> (int) r.getLong("n")).orElseThrow();
    }

    /**
     * Gives back the cart's units not on a confirmed pallet: an allocation with nothing packed is released, one
     * partly packed shrinks to its packed units. Returns the goods value given back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public BigDecimal releaseCart(long cartId) {
        var released = sql.list("""
                with open as (
                  select id, quantity - qty_packed unpacked from allocation
                   where cart_id = ? and released_at is null and qty_packed < quantity for update)
                update allocation a
                   set released_at = case when a.qty_packed = 0 then ?::timestamptz end,
                       quantity = case when a.qty_packed = 0 then a.quantity else a.qty_packed end
                  from open o where a.id = o.id
                returning a.lot_id, o.unpacked quantity, a.unit_cost""",
                List.of(cartId, clock.instant()), r -> new Reservation(r.getLong("lot_id"), (int) r.getLong("quantity"),
                        r.getDecimal("unit_cost")));
        if (released.isEmpty()) {
            return BigDecimal.ZERO;
        }
        sql.update("""
                update inventory_lot l set qty_allocated = l.qty_allocated - r.quantity
                  from (select lot, sum(quantity) quantity from unnest(?::bigint[], ?::integer[]) as x(lot, quantity)
                         group by lot) r
                 where l.id = r.lot""",
                List.of(released.stream().map(Reservation::lotId).toArray(Long[]::new),
                        released.stream().map(Reservation::quantity).toArray(Integer[]::new)));
        return released.stream().map(r -> r.unitCost().multiply(BigDecimal.valueOf(r.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
