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
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The pallet generator (the seed's {@code POST /generate_pallets}): packs a client's confirmed, unshipped units for a
 * store into draft pallets, replacing earlier drafts; confirming a pallet reserves its top-ups and debits shipping
 * and top-up goods under the client lock; a confirmed pallet is then marked shipped (ADR 0007).
 */
@ApplicationScoped
public class PalletService {

    private final Sql sql;
    private final Directory directory;
    private final Lots lots;
    private final Ledger ledger;
    private final CartService carts;
    private final BalanceShortfalls shortfalls;
    private final Outbox outbox;
    private final AllocationConfig config;
    private final Clock clock;

    PalletService(Sql sql, Directory directory, Lots lots, Ledger ledger, CartService carts, BalanceShortfalls shortfalls,
                  Outbox outbox, AllocationConfig config, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.lots = lots;
        this.ledger = ledger;
        this.carts = carts;
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
        sql.update("delete from pallet where client_id = ? and store_id = ? and status = 'DRAFT'", List.of(clientId, storeId));
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

        var pallets = new ArrayList<PalletView>();
        BigDecimal due = BigDecimal.ZERO;
        var actor = Actor.of(caller);
        for (var pallet : plan.economical()) {
            long id = save(client, store, pallet, actor, now);
            var view = view(id, caller);
            pallets.add(view);
            due = due.add(view.totalShipping()).add(topUpGoods(view));
            if (pallet.full(spec.fullAt())) {
                outbox.append(new PalletReady(id, view.code(), client, store, view.units(), view.volumeFill(),
                        view.weightFill(), view.totalShipping()));
            }
        }
        var keptBack = plan.keptBack().stream().map(p -> new KeptBack(p.units(), p.volumeFill(), p.weightFill(),
                p.missing().share(), p.missing().cubicInches(), p.missing().pounds(), p.lines().stream()
                .map(l -> new HeldUnits(l.units().key(), l.units().asin(), l.count(), keptBackReason(p, l)))
                .toList())).toList();
        plan.unpackable().forEach(u -> held.add(new HeldUnits(u.key(), u.asin(), u.count(), "larger or heavier than a pallet")));
        Shortfall shortfall = due.compareTo(available) > 0
                ? shortfalls.record(client, store, Reason.PALLET_SHIPPING, "pallets for " + store.name(), due, available)
                : null;
        return new Generated(pallets, keptBack, held, PalletPlanner.lowerBound(spec, units), due, available, shortfall,
                plan.millis());
    }

    /** DRAFT → CONFIRMED: reserves the top-ups and books their goods, packs the units, debits the shipping. */
    @Transactional
    public PalletView confirm(long palletId, Caller caller) {
        var pallet = view(palletId, caller);
        BigDecimal balance = ledger.lockBalance(pallet.client().id());
        pallet = view(palletId, caller);
        if (pallet.status() != PalletStatus.DRAFT) {
            throw new DomainException.Conflict("status", "pallet " + pallet.code() + " is " + pallet.status());
        }
        BigDecimal goods = topUpGoods(pallet);
        BigDecimal due = pallet.totalShipping().add(goods);
        if (balance.compareTo(due) < 0) {
            throw new DomainException.Conflict("balance", "client balance " + balance + " is "
                    + due.subtract(balance) + " short of the pallet's shipping and top-ups " + due);
        }
        var actor = Actor.of(caller);
        var topUps = pallet.lines().stream().filter(PalletView.Line::topUp).toList();
        if (!topUps.isEmpty()) {
            for (var line : topUps) {
                long allocationId = lots.reserve(pallet.client().id(), pallet.store().id(),
                        List.of(new Lots.Reservation(line.lotId(), line.quantity(), line.unitCost())), AllocationSource.TOP_UP,
                        null).get(0);
                sql.update("update pallet_line set allocation_id = ?, top_up = false where pallet_id = ? and lot_id = ? and top_up",
                        List.of(allocationId, palletId, line.lotId()));
            }
            ledger.debit(pallet.client().id(), LedgerKind.GOODS_DEBIT, goods, "pallet/" + pallet.code() + " top-ups", actor);
        }
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
        if (pallet.totalShipping().signum() > 0) {
            ledger.debit(pallet.client().id(), LedgerKind.SHIPPING_DEBIT, pallet.totalShipping(), "pallet/" + pallet.code(),
                    actor);
        }
        sql.update("update pallet set status = 'CONFIRMED', confirmed_at = ? where id = ?", List.of(clock.instant(), palletId));
        return view(palletId, caller);
    }

    @Transactional
    public PalletView markShipped(long palletId, LocalDate shippedOn, Caller caller) {
        var pallet = view(palletId, caller);
        if (pallet.status() != PalletStatus.CONFIRMED) {
            throw new DomainException.Conflict("status", "only a confirmed pallet ships; " + pallet.code() + " is "
                    + pallet.status());
        }
        LocalDate on = shippedOn == null ? LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC) : shippedOn;
        sql.update("update pallet set status = 'SHIPPED', shipped_on = ? where id = ?", List.of(on, palletId));
        return view(palletId, caller);
    }

    @Transactional
    public PalletView get(long palletId, Caller caller) {
        return view(palletId, caller);
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

    private long save(ClientRef client, StoreRef store, PalletPlanner.Pallet pallet, Actor actor, Instant now) {
        long id = sql.one("""
                insert into pallet (client_id, store_id, destination_store_id, status, freight, total_shipping,
                                    total_volume_in3, total_weight_lb, volume_fill, weight_fill, created_at, created_by)
                values (?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                List.of(client.id(), store.id(), store.id(), config.pallet().freight(), pallet.shipping(),
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

    private static BigDecimal topUpGoods(PalletView pallet) {
        return pallet.lines().stream().filter(PalletView.Line::topUp)
                .map(l -> l.unitCost().multiply(BigDecimal.valueOf(l.quantity()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    PalletView view(long palletId, Caller caller) {
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
        return new PalletView(palletId, head.code(), client, directory.store(head.storeId()),
                directory.store(head.destinationStoreId()), head.status(), head.freight(), head.totalShipping(),
                head.totalVolumeIn3(), head.totalWeightLb(), head.volumeFill(), head.weightFill(),
                lines.stream().mapToInt(PalletView.Line::quantity).sum(), head.shippedOn(), head.createdAt(),
                head.confirmedAt(), lines);
    }

    private record PalletRow(long clientId, long storeId, long destinationStoreId, String code, PalletStatus status,
                             BigDecimal freight, BigDecimal totalShipping, BigDecimal totalVolumeIn3,
                             BigDecimal totalWeightLb, BigDecimal volumeFill, BigDecimal weightFill, LocalDate shippedOn,
                             Instant createdAt, Instant confirmedAt) {
    }
}
