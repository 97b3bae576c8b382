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

    Storefront storefront();

    /** The operator's storefront (ADR 0027): its signed webhook and the catch-up pull of its REST API. */
    interface Storefront {
        /**
         * The email of the seller account the storefront's customers and orders belong to (the operator's own,
         * e.g. {@code admin@loadout.local} locally); without it, or without such an account, nothing is accepted.
         */
        Optional<String> sellerEmail();

        /** The webhook signing secret (base64 HMAC-SHA256 of the raw body); without it every delivery is a 401. */
        Optional<String> webhookSecret();

        /**
         * How old a delivery may be ({@code X-Shopify-Triggered-At}): the sender retries for 4 hours, so a
         * delivery older than this is stale, and so is one dated more than a minute ahead of our clock.
         */
        @WithDefault("6h")
        Duration tolerance();

        /** The storefront's REST API (e.g. {@code https://shop.example/admin/api/2025-01}); empty: no pull. */
        Optional<java.net.URI> apiUrl();

        /** Its access token ({@code X-Shopify-Access-Token}). */
        Optional<String> apiToken();

        @WithDefault("30s")
        Duration timeout();

        /** Orders asked for per page of the pull (the API's maximum is 250). */
        @WithDefault("250")
        int pageSize();

        /** A pull looks back this far before its watermark, for orders updated while the last pull ran. */
        @WithDefault("5m")
        Duration overlap();
    }

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
