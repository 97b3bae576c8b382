package io.loadout.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loadout.notify")
public interface NotifyConfig {

    /** Where operator notifications go. */
    @WithDefault("allocation@profitzon.net")
    String adminEmail();
}
