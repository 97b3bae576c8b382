package io.loadout.allocation;

import io.loadout.event.Outbox;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

/**
 * Insufficient balance: records the shortfall, proposes moving the units to a mutual store the client shares
 * (one open suggestion per client and store pair, kept up to date), and tells the admin.
 */
@ApplicationScoped
public class BalanceShortfalls {

    public enum Reason { CART, PALLET_SHIPPING, PREORDER }

    private final Sql sql;
    private final Directory directory;
    private final Outbox outbox;
    private final Clock clock;

    BalanceShortfalls(Sql sql, Directory directory, Outbox outbox, Clock clock) {
        this.sql = sql;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Shortfall record(ClientRef client, StoreRef store, Reason reason, String reference, BigDecimal needed,
                            BigDecimal available) {
        BigDecimal amount = needed.subtract(available.max(BigDecimal.ZERO));
        var mutual = store.mutual() ? java.util.Optional.<StoreRef>empty() : directory.mutualStoreOf(client.id(), store.id());
        Long suggestionId = mutual.map(m -> sql.one("""
                insert into transfer_suggestion (client_id, from_store_id, to_store_id, reason, shortfall, status, created_at)
                values (?, ?, ?, ?, ?, 'OPEN', ?)
                on conflict (client_id, from_store_id, to_store_id) where status = 'OPEN'
                do update set shortfall = excluded.shortfall, reason = excluded.reason
                returning id""",
                List.of(client.id(), store.id(), m.id(), reason, amount,
                        clock.instant()), r -> r.getLong("id")).orElseThrow()).orElse(null);
        outbox.append(new BalanceInsufficient(client, store, reference, needed, available, amount, suggestionId,
                mutual.orElse(null)));
        return new Shortfall(needed, available, amount, suggestionId, mutual.orElse(null));
    }
}
