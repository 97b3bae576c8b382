package io.loadout.allocation;

import io.loadout.allocation.BalanceShortfalls.Reason;
import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * New stock goes to preorders first: waiting preorders (CONFIRMED or ARRIVED) for the restocked ASINs are served in
 * preorder order, each all or nothing, from the oldest lots. Serving one reserves its units and debits its balance
 * due; one that cannot be paid or whose store is not ungated becomes ARRIVED and waits. Client and admin are told.
 */
@ApplicationScoped
public class PreorderArrivals {

    private final Preorders preorders;
    private final Lots lots;
    private final Ledger ledger;
    private final Directory directory;
    private final BalanceShortfalls shortfalls;
    private final Outbox outbox;

    PreorderArrivals(Preorders preorders, Lots lots, Ledger ledger, Directory directory,
                     BalanceShortfalls shortfalls, Outbox outbox) {
        this.preorders = preorders;
        this.lots = lots;
        this.ledger = ledger;
        this.directory = directory;
        this.shortfalls = shortfalls;
        this.outbox = outbox;
    }

    /**
     * The ASINs waiting preorders are for: only new stock of these can serve one, so an import needs to find out
     * which of its lots grew among these alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> waitingAsins() {
        return preorders.waitingAsins();
    }

    /** Returns how many preorders were allocated. Runs in the caller's transaction (the sheet import's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int allocate(List<String> asins, Actor actor) {
        if (asins.isEmpty()) {
            return 0;
        }
        var waiting = preorders.lockWaiting(asins);
        int allocated = 0;
        for (var p : waiting) {
            var stock = lots.lockAvailable(p.asin());
            if (stock.stream().mapToInt(Lots.Available::available).sum() < p.quantity()) {
                continue;
            }
            var client = directory.client(p.clientId());
            var store = directory.store(p.storeId());
            if (!p.ungated()) {
                wait(p, client, store, actor, "store " + store.name() + " is not ungated YES for " + p.asin());
                continue;
            }
            BigDecimal balance = ledger.lockBalance(p.clientId());
            if (balance.compareTo(p.balanceDue()) < 0) {
                shortfalls.record(client, store, Reason.PREORDER, "preorder/" + p.id(), p.balanceDue(), balance);
                wait(p, client, store, actor, "balance " + balance + " does not cover the balance due " + p.balanceDue());
                continue;
            }
            lots.reserve(p.clientId(), p.storeId(), take(stock, p), AllocationSource.PREORDER, p.id());
            if (p.balanceDue().signum() > 0) {
                ledger.debit(p.clientId(), LedgerKind.GOODS_DEBIT, p.balanceDue(), "preorder/" + p.id(), actor);
            }
            outbox.append(preorders.allocated(p.id(), client, store, p.asin(), p.quantity(), p.balanceDue(), actor));
            allocated++;
        }
        return allocated;
    }

    /** Units from the oldest lots, at the preorder's agreed price per unit. */
    private static List<Lots.Reservation> take(List<Lots.Available> stock, Preorders.Waiting p) {
        BigDecimal unitPrice = p.amount().divide(BigDecimal.valueOf(p.quantity()), 2, RoundingMode.HALF_UP);
        var reservations = new ArrayList<Lots.Reservation>();
        int needed = p.quantity();
        for (var lot : stock) {
            int units = Math.min(needed, lot.available());
            if (units > 0) {
                reservations.add(new Lots.Reservation(lot.lotId(), units, unitPrice));
                needed -= units;
            }
        }
        return reservations;
    }

    private void wait(Preorders.Waiting p, ClientRef client, StoreRef store, Actor actor, String reason) {
        outbox.append(preorders.waiting(p.id(), p.status(), client, store, p.asin(), p.quantity(), reason, actor));
    }
}
