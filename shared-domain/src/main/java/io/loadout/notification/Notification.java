package io.loadout.notification;

import io.loadout.alert.AlertDraft;

/** What one event should tell people: a mail, a dashboard alert, or both (either may be null). */
public record Notification(OutgoingMail mail, AlertDraft alert) {
}
