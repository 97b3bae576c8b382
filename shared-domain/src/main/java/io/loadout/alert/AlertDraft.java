package io.loadout.alert;

/** An alert about to be raised on the dashboard; accountId null means operator-only. */
public record AlertDraft(Long accountId, AlertSeverity severity, String code, String title, String detail) {
}
