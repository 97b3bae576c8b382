package io.loadout.alert;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, Long> {

    /**
     * Inserts unless an alert for the same source event, or an open alert with the same open key, exists. Returns
     * true if inserted.
     */
    public boolean raise(AlertDraft draft, UUID sourceEventId, Instant now) {
        return getEntityManager().createNativeQuery("""
                insert into alert (id, account_id, severity, code, title, detail, source_event_id, created_at, audience,
                                   open_key)
                values (nextval('alert_id_seq'), :account, :severity, :code, :title, :detail, :source, :now, :audience,
                        :openKey)
                on conflict do nothing""")
                .setParameter("account", draft.accountId())
                .setParameter("severity", draft.severity().name())
                .setParameter("code", draft.code())
                .setParameter("title", draft.title())
                .setParameter("detail", draft.detail())
                .setParameter("source", sourceEventId)
                .setParameter("now", now)
                .setParameter("audience", draft.audience())
                .setParameter("openKey", draft.openKey())
                .executeUpdate() == 1;
    }

    /** Hands the alerts about {@code audience} to the login now linked to it (null: back to operator-only). */
    public int assignAudience(String audience, Long accountId) {
        return getEntityManager().createNativeQuery("update alert set account_id = :account where audience = :audience")
                .setParameter("account", accountId).setParameter("audience", audience).executeUpdate();
    }

    /** ownerAccountId null = all alerts (operator view); otherwise only that account's. */
    public Page<Alert> page(Long ownerAccountId, boolean openOnly, PageRequest page) {
        var rows = find("""
                (:owner is null or accountId = :owner) and (:openOnly = false or acknowledgedAt is null)
                and (:before is null or id < :before) order by id desc""",
                Parameters.with("owner", ownerAccountId).and("openOnly", openOnly).and("before", page.before()))
                .page(0, page.limit() + 1).list();
        return Page.fromOverfetch(rows, page, Alert::id);
    }
}
