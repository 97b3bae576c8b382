package io.loadout.allocation;

import io.loadout.event.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

/**
 * Insufficient balance: records the shortfall, proposes moving the units to a mutual store the client shares
 * (one open suggestion per client and store pair, kept up to date), and tells the admin.
 */
@ApplicationScoped
public class BalanceShortfalls {

    public enum Reason { CART, PALLET_SHIPPING, PREORDER }

    private final TransferSuggestions suggestions;
    private final Directory directory;
    private final Outbox outbox;

    BalanceShortfalls(TransferSuggestions suggestions, Directory directory, Outbox outbox) {
        this.suggestions = suggestions;
        this.directory = directory;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Shortfall record(ClientRef client, StoreRef store, Reason reason, String reference, BigDecimal needed,
                            BigDecimal available) {
        BigDecimal amount = needed.subtract(available.max(BigDecimal.ZERO));
        var mutual = store.mutual() ? java.util.Optional.<StoreRef>empty() : directory.mutualStoreOf(client.id(), store.id());
        Long suggestionId = mutual.map(m -> suggestions.propose(client.id(), store.id(), m.id(), reason, amount))
                .orElse(null);
        outbox.append(new BalanceInsufficient(client, store, reference, needed, available, amount, suggestionId,
                mutual.orElse(null)));
        return new Shortfall(needed, available, amount, suggestionId, mutual.orElse(null));
    }
}
