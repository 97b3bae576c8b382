package io.loadout.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Shared secrets of the partners that call our webhooks (from the environment / Secret Manager, never the repo). */
@ConfigMapping(prefix = "loadout.webhooks")
public interface WebhookConfig {

    /** {@code LOADOUT_WEBHOOKS_UNGATING_SECRET}: the ungating software's signing secret. */
    Optional<String> ungatingSecret();

    /** {@code LOADOUT_WEBHOOKS_AUTOFBA_SECRET}: the AutoFBA panel's signing secret. */
    Optional<String> autofbaSecret();

    /** How far a signature's timestamp may be from our clock. */
    @WithDefault("PT5M")
    Duration tolerance();
}
