package io.loadout.alert;

import io.loadout.account.Caller;
import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class AlertService {

    private final AlertRepository alerts;
    private final Clock clock;

    AlertService(AlertRepository alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean raise(AlertDraft draft, UUID sourceEventId) {
        return alerts.raise(draft, sourceEventId, clock.instant());
    }

    /** The alerts about a party now belong to the login linked to it; see {@link AlertDraft#audience()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int assignAudience(String audience, Long accountId) {
        return alerts.assignAudience(audience, accountId);
    }

    @Transactional
    public Page<Alert> list(Caller caller, boolean openOnly, PageRequest page) {
        return alerts.page(caller.ownerFilter(), openOnly, page);
    }

    @Transactional
    public Alert acknowledge(Caller caller, long alertId) {
        var alert = alerts.findByIdOptional(alertId).orElseThrow(() -> new DomainException.NotFound("alert", alertId));
        caller.requireVisible("alert", alertId, alert.accountId());
        alert.acknowledge(caller.accountId(), clock.instant());
        return alert;
    }
}
