package io.loadout.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "loadout.catalog")
public interface CatalogConfig {

    Images images();

    /** Upload limits and the storefront's normalisation rules. */
    interface Images {
        /** Uploads above this size are refused (400). */
        @WithDefault("10485760")
        long maxUploadBytes();

        /** JPEGs above this size (the storefront's 1.8 MB) are resized to fit {@link #maxEdge()}. */
        @WithDefault("1800000")
        long resizeAboveBytes();

        @WithDefault("1280")
        int maxEdge();
    }
}
