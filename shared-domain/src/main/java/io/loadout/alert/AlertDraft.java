package io.loadout.alert;

/**
 * An alert about to be raised on the dashboard; accountId null means operator-only. {@code audience} names the
 * party the alert is about (e.g. {@code allocation.client:42}) so that a login linked to it later sees it;
 * {@code openKey}, when set, keeps one open alert per key however often the condition is raised again.
 */
public record AlertDraft(Long accountId, AlertSeverity severity, String code, String title, String detail,
                         String audience, String openKey) {

    public AlertDraft(Long accountId, AlertSeverity severity, String code, String title, String detail) {
        this(accountId, severity, code, title, detail, null, null);
    }
}
