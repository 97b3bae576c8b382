package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The only writer of {@code pallet} and {@code pallet_line}. A state change takes the pallet as read under its
 * client's lock ({@link #lock}), checks the current status, and returns the event (if any) for the caller to
 * append. A top-up line keeps {@code top_up} for good: the manifest shows which units filled the pallet.
 */
@ApplicationScoped
public class Pallets {

    private final Sql sql;
    private final Directory directory;
    private final Ledger ledger;

    Pallets(Sql sql, Directory directory, Ledger ledger) {
        this.sql = sql;
        this.directory = directory;
        this.ledger = ledger;
    }

    /** Drafts are replaced by every generation (and dropped when the units move store): never announced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int dropDrafts(long clientId, long storeId) {
        return sql.update("delete from pallet where client_id = ? and store_id = ? and status = 'DRAFT'",
                List.of(clientId, storeId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long saveDraft(ClientRef client, StoreRef store, PalletPlanner.Pallet pallet, BigDecimal freight, Instant now,
                          Actor actor) {
        long id = sql.one("""
                insert into pallet (client_id, store_id, destination_store_id, status, freight, total_shipping,
                                    total_volume_in3, total_weight_lb, volume_fill, weight_fill, created_at, created_by)
                values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                List.of(client.id(), store.id(), store.id(), freight, pallet.shipping(),
                        BigDecimal.valueOf(pallet.volumeIn3()).setScale(2, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(pallet.weightLb()).setScale(3, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(pallet.volumeFill()).setScale(4, RoundingMode.HALF_UP),
                        BigDecimal.valueOf(pallet.weightFill()).setScale(4, RoundingMode.HALF_UP), now, actor.name()),
                r -> r.getLong("id")).orElseThrow();
        var lines = pallet.lines();
        sql.update("""
                insert into pallet_line (pallet_id, lot_id, allocation_id, quantity, shipping_per_unit, top_up)
                select ?, x.lot, case when x.top_up then null else x.key end, x.quantity, x.shipping, x.top_up
                  from unnest(?::bigint[], ?::bigint[], ?::integer[], ?::numeric[], ?::boolean[])
                       as x(lot, key, quantity, shipping, top_up)""",
                List.of(id, lines.stream().map(l -> l.units().lotId()).toArray(Long[]::new),
                        lines.stream().map(l -> l.units().key()).toArray(Long[]::new),
                        lines.stream().map(PalletPlanner.Line::count).toArray(Integer[]::new),
                        lines.stream().map(PalletPlanner.Line::shippingPerUnit).toArray(BigDecimal[]::new),
                        lines.stream().map(l -> l.units().topUp()).toArray(Boolean[]::new)));
        return id;
    }

    /** The pallet read under its client's lock, with the balance. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Ledger.Locked<PalletView> lock(long palletId, Caller caller) {
        return ledger.lockClientOf(Ledger.ClientOwned.PALLET, palletId, () -> view(palletId, caller));
    }

    /** Refused unless the pallet is a draft: the first check of a confirmation, before anything is reserved. */
    static void requireDraft(PalletView pallet) {
        if (pallet.status() != PalletStatus.DRAFT) {
            throw new DomainException.Conflict("status", "pallet " + pallet.code() + " is " + pallet.status());
        }
    }

    /**
     * DRAFT → CONFIRMED: records the allocations its top-up lines became ({@code topUpAllocations}: lot id →
     * allocation id). A full pallet is announced now, once: a draft may still be replaced, a confirmed one is not.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PalletReady confirm(Ledger.Locked<PalletView> locked, Map<Long, Long> topUpAllocations, boolean full,
                               Instant now) {
        var pallet = locked.row();
        requireDraft(pallet);
        if (!topUpAllocations.isEmpty()) {
            sql.update("""
                    update pallet_line l set allocation_id = t.allocation from unnest(?::bigint[], ?::bigint[])
                           as t(lot, allocation)
                     where l.pallet_id = ? and l.lot_id = t.lot and l.top_up""",
                    List.of(topUpAllocations.keySet().toArray(Long[]::new),
                            topUpAllocations.values().toArray(Long[]::new), pallet.id()));
        }
        sql.update("update pallet set status = 'CONFIRMED', confirmed_at = ? where id = ? and status = 'DRAFT'",
                List.of(now, pallet.id()));
        return full ? new PalletReady(pallet.id(), pallet.code(), pallet.client(), pallet.store(), pallet.units(),
                pallet.volumeFill(), pallet.weightFill(), pallet.totalShipping()) : null;
    }

    /** CONFIRMED → SHIPPED on the day given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void markShipped(PalletView pallet, LocalDate on) {
        if (pallet.status() != PalletStatus.CONFIRMED) {
            throw new DomainException.Conflict("status", "only a confirmed pallet ships; " + pallet.code() + " is "
                    + pallet.status());
        }
        sql.update("update pallet set status = 'SHIPPED', shipped_on = ? where id = ? and status = 'CONFIRMED'",
                List.of(on, pallet.id()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public PalletView view(long palletId, Caller caller) {
        var head = sql.one("select * from pallet where id = ?", List.of(palletId), r -> new PalletRow(
                r.getLong("client_id"), r.getLong("store_id"), r.getLong("destination_store_id"), r.getString("code"),
                r.getEnum("status", PalletStatus.class), r.getDecimal("freight"), r.getDecimal("total_shipping"),
                r.getDecimal("total_volume_in3"), r.getDecimal("total_weight_lb"), r.getDecimal("volume_fill"),
                r.getDecimal("weight_fill"), r.getObject("shipped_on", LocalDate.class), r.getInstant("created_at"),
                r.getInstant("confirmed_at"))).orElseThrow(() -> new DomainException.NotFound("pallet", palletId));
        ClientRef client;
        try {
            client = directory.client(head.clientId(), caller);
        } catch (DomainException.NotFound e) {
            throw new DomainException.NotFound("pallet", palletId);
        }
        var lines = sql.list("""
                select pl.lot_id, pl.allocation_id, l.asin, l.title, pl.quantity, pl.shipping_per_unit,
                       coalesce(a.unit_cost, l.unit_cost) unit_cost, pl.top_up
                  from pallet_line pl join inventory_lot l on l.id = pl.lot_id
                  left join allocation a on a.id = pl.allocation_id
                 where pl.pallet_id = ? order by l.asin, pl.id""", List.of(palletId),
                r -> new PalletView.Line(r.getLong("lot_id"), r.getLongOrNull("allocation_id"), r.getString("asin"),
                        r.getString("title"), (int) r.getLong("quantity"), r.getDecimal("shipping_per_unit"),
                        r.getDecimal("unit_cost"), r.getBoolean("top_up")));
        BigDecimal topUpGoods = lines.stream().filter(PalletView.Line::topUp)
                .map(l -> l.unitCost().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PalletView(palletId, head.code(), client, directory.store(head.storeId()),
                directory.store(head.destinationStoreId()), head.status(), head.freight(), head.totalShipping(),
                topUpGoods, head.totalVolumeIn3(), head.totalWeightLb(), head.volumeFill(), head.weightFill(),
                lines.stream().mapToInt(PalletView.Line::quantity).sum(), head.shippedOn(), head.createdAt(),
                head.confirmedAt(), lines);
    }

    private record PalletRow(long clientId, long storeId, long destinationStoreId, String code, PalletStatus status,
                             BigDecimal freight, BigDecimal totalShipping, BigDecimal totalVolumeIn3,
                             BigDecimal totalWeightLb, BigDecimal volumeFill, BigDecimal weightFill, LocalDate shippedOn,
                             Instant createdAt, Instant confirmedAt) {
    }
}
