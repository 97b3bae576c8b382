package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.allocation.BalanceShortfalls.Reason;
import io.loadout.allocation.PalletPlanner.Units;
import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The pallet generator (the seed's {@code POST /generate_pallets}): packs a client's confirmed, unshipped units for a
 * store into draft pallets, replacing earlier drafts; confirming a pallet reserves its top-ups and debits shipping
 * and top-up goods under the client lock; a confirmed pallet is then marked shipped (ADR 0007).
 */
@ApplicationScoped
public class PalletService {

    private final Sql sql;
    private final Pallets pallets;
    private final Carts carts;
    private final Directory directory;
    private final Lots lots;
    private final Ledger ledger;
    private final BalanceShortfalls shortfalls;
    private final Outbox outbox;
    private final AllocationConfig config;
    private final Clock clock;

    PalletService(Sql sql, Pallets pallets, Carts carts, Directory directory, Lots lots, Ledger ledger,
                  BalanceShortfalls shortfalls, Outbox outbox, AllocationConfig config, Clock clock) {
        this.sql = sql;
        this.pallets = pallets;
        this.carts = carts;
        this.directory = directory;
        this.lots = lots;
        this.ledger = ledger;
        this.shortfalls = shortfalls;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Units kept off the pallets and why; a kept-back pallet with what it lacks to pay its way. */
    @RegisterForReflection
    public record HeldUnits(long allocationId, String asin, int quantity, String reason) {
    }

    @RegisterForReflection
    public record KeptBack(int units, double volumeFill, double weightFill, double missingShare, double missingCubicInches,
                           double missingPounds, List<HeldUnits> lines) {
    }

    @RegisterForReflection
    public record Generated(List<PalletView> pallets, List<KeptBack> keptBack, List<HeldUnits> held, int lowerBound,
                            BigDecimal shippingAndTopUps, BigDecimal available, Shortfall shortfall, long planMillis) {
    }

    PalletPlanner.Spec spec() {
        var p = config.pallet();
        return new PalletPlanner.Spec(p.lengthIn(), p.widthIn(), p.heightIn(), p.maxWeightLb(), p.freight(), p.fullAt());
    }

    @Transactional
    public Generated generate(long clientId, long storeId, Caller caller) {
        var client = directory.client(clientId, caller);
        var store = directory.storeOf(client, storeId, "storeId");
        BigDecimal balance = ledger.lockBalance(clientId);
        var now = clock.instant();
        pallets.dropDrafts(clientId, storeId);
        BigDecimal available = balance.subtract(carts.reservedByDrafts(clientId, now)).max(BigDecimal.ZERO);

        var open = openUnits(clientId, storeId);
        var held = new ArrayList<HeldUnits>();
        var units = new ArrayList<Units>();
        for (var o : open) {
            if (o.ungated()) {
                units.add(o.units());
            } else {
                held.add(new HeldUnits(o.units().key(), o.units().asin(), o.units().count(),
                        "not ungated YES for " + store.name() + " now"));
            }
        }
        var spec = spec();
        // a top-up unit is budgeted at its goods cost plus its maximum shipping, so the client can always pay it
        var pool = lots.availableForStore(storeId).stream().map(l -> new Units(l.lotId(), l.lotId(), l.asin(),
                l.lengthIn(), l.widthIn(), l.heightIn(), l.weightLb(), l.minShip(), l.maxShip(),
                l.unitCost().add(l.maxShip()), l.available(), true)).toList();
        var plan = PalletPlanner.plan(spec, units, new ArrayList<>(pool), available);

        var drafts = new ArrayList<PalletView>();
        BigDecimal due = BigDecimal.ZERO;
        var actor = Actor.of(caller);
        for (var pallet : plan.economical()) {
            var view = pallets.view(pallets.saveDraft(client, store, pallet, config.pallet().freight(), now, actor), caller);
            drafts.add(view);
            due = due.add(view.totalShipping()).add(view.topUpGoods());
        }
        var keptBack = plan.keptBack().stream().map(p -> new KeptBack(p.units(), p.volumeFill(), p.weightFill(),
                p.missing().share(), p.missing().cubicInches(), p.missing().pounds(), p.lines().stream()
                .map(l -> new HeldUnits(l.units().key(), l.units().asin(), l.count(), keptBackReason(p, l)))
                .toList())).toList();
        if (!keptBack.isEmpty()) {
            outbox.append(new PalletKeptBack(client, store, keptBack, PalletKeptBack.openKey(client, store, keptBack)));
        }
        plan.unpackable().forEach(u -> held.add(new HeldUnits(u.key(), u.asin(), u.count(), "larger or heavier than a pallet")));
        Shortfall shortfall = due.compareTo(available) > 0
                ? shortfalls.record(client, store, Reason.PALLET_SHIPPING, "pallets for " + store.name(), due, available)
                : null;
        return new Generated(drafts, keptBack, held, PalletPlanner.lowerBound(spec, units), due, available, shortfall,
                plan.millis());
    }

    /**
     * DRAFT → CONFIRMED: reserves the top-ups and books their goods, packs the units, debits the shipping. A pallet
     * with top-ups adds goods the client did not order: it is confirmed only with {@code acceptTopUps}.
     */
    @Transactional
    public PalletView confirm(long palletId, boolean acceptTopUps, Caller caller) {
        var locked = pallets.lock(palletId, caller);
        var pallet = locked.row();
        Pallets.requireDraft(pallet);
        BigDecimal goods = pallet.topUpGoods();
        if (goods.signum() > 0 && !acceptTopUps) {
            throw new DomainException.Conflict("acceptTopUps", "pallet " + pallet.code() + " adds " + goods
                    + " of goods beyond the client's carts (top-ups); confirm with acceptTopUps=true to accept them");
        }
        BigDecimal due = pallet.totalShipping().add(goods);
        if (locked.balance().compareTo(due) < 0) {
            throw new DomainException.Conflict("balance", "client balance " + locked.balance() + " is "
                    + due.subtract(locked.balance()) + " short of the pallet's shipping and top-ups " + due);
        }
        var actor = Actor.of(caller);
        var topUps = pallet.lines().stream().filter(PalletView.Line::topUp).toList();
        // one reservation of all top-ups; the allocation ids come back in the lines' order
        List<Long> allocationIds = topUps.isEmpty() ? List.of() : lots.reserve(pallet.client().id(), pallet.store().id(),
                topUps.stream().map(l -> new Lots.Reservation(l.lotId(), l.quantity(), l.unitCost())).toList(),
                AllocationSource.TOP_UP, null);
        var topUpAllocations = new LinkedHashMap<Long, Long>();
        for (int i = 0; i < topUps.size(); i++) {
            topUpAllocations.put(topUps.get(i).lotId(), allocationIds.get(i));
        }
        if (goods.signum() > 0) {
            ledger.debit(pallet.client().id(), LedgerKind.GOODS_DEBIT, goods, "pallet/" + pallet.code() + " top-ups", actor);
        }
        boolean full = PalletPlanner.full(pallet.volumeFill().doubleValue(), pallet.weightFill().doubleValue(),
                config.pallet().fullAt());
        var ready = pallets.confirm(locked, topUpAllocations, full, clock.instant());
        lots.packPallet(palletId);
        if (pallet.totalShipping().signum() > 0) {
            ledger.debit(pallet.client().id(), LedgerKind.SHIPPING_DEBIT, pallet.totalShipping(), "pallet/" + pallet.code(),
                    actor);
        }
        if (ready != null) {
            outbox.append(ready);
        }
        return pallets.view(palletId, caller);
    }

    @Transactional
    public PalletView markShipped(long palletId, LocalDate shippedOn, Caller caller) {
        var pallet = pallets.view(palletId, caller);
        pallets.markShipped(pallet, shippedOn == null ? LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                : shippedOn);
        return pallets.view(palletId, caller);
    }

    @Transactional
    public PalletView get(long palletId, Caller caller) {
        return pallets.view(palletId, caller);
    }

    private record Open(Units units, boolean ungated) {
    }

    private List<Open> openUnits(long clientId, long storeId) {
        return sql.list("""
                select a.id, a.lot_id, l.asin, l.length_in, l.width_in, l.height_in, l.unit_weight_lb, l.min_ship,
                       l.max_ship, a.unit_cost, a.quantity - a.qty_packed open, coalesce(u.status = 'YES', false) ungated
                  from allocation a join inventory_lot l on l.id = a.lot_id
                  left join ungating u on u.store_id = a.store_id and u.asin = l.asin
                 where a.client_id = ? and a.store_id = ? and a.released_at is null and a.qty_packed < a.quantity
                 order by l.date_added, a.id""", List.of(clientId, storeId),
                r -> new Open(new Units(r.getLong("id"), r.getLong("lot_id"), r.getString("asin"), r.getDecimal("length_in"),
                        r.getDecimal("width_in"), r.getDecimal("height_in"), r.getDecimal("unit_weight_lb"),
                        r.getDecimal("min_ship"), r.getDecimal("max_ship"), r.getDecimal("unit_cost"), (int) r.getLong("open"),
                        false), r.getBoolean("ungated")));
    }

    /** Only the lines over their max say so, with by how much and what would fix it; the others point to them. */
    static String keptBackReason(PalletPlanner.Pallet pallet, PalletPlanner.Line line) {
        return pallet.excesses().stream().filter(e -> e.units().key() == line.units().key()
                        && e.units().topUp() == line.units().topUp()).findFirst()
                .map(e -> "would pay " + e.shippingPerUnit() + " a unit, " + e.overBy() + " over the ASIN's max shipping of "
                        + e.units().maxShip() + "; ships with " + Math.round(e.missing().cubicInches()) + " in³ (or "
                        + Math.round(e.missing().pounds()) + " lb) more on the pallet, or with a max shipping of "
                        + e.shippingPerUnit())
                .orElse("within its max shipping of " + line.units().maxShip() + " (" + line.shippingPerUnit()
                        + " a unit); held because other lines of the pallet exceed theirs");
    }
}
