package io.loadout.orders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "loadout.orders")
public interface OrdersConfig {

    /**
     * The calling code (digits, no +) national phone numbers are read in, e.g. 44; without it only international
     * numbers are normalised to E.164 ({@link PhoneNumber}).
     */
    Optional<String> defaultCountryCode();

    BuyerLinks buyerLinks();

    /** Private buyer links (ADR 0026). */
    interface BuyerLinks {
        /** How long a link works after it is issued. */
        @WithDefault("90d")
        Duration ttl();

        /**
         * The buyer page a link opens; the secret follows as the URL fragment ({@code …#lbl_…}), which browsers
         * never send to a server or in a Referer.
         */
        @WithDefault("http://127.0.0.1:8080/buyer/")
        String pageUrl();

        /** "Email me my link" requests one address may make per {@link #requestWindow()}. */
        @WithDefault("5")
        int requestsPerWindow();

        @WithDefault("10m")
        Duration requestWindow();
    }
}
