package io.loadout.webhook;

/** The partners allowed to call our webhooks. */
public enum Partner {
    UNGATING, AUTOFBA
}
