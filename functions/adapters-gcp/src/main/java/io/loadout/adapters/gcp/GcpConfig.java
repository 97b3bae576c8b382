package io.loadout.adapters.gcp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "loadout.gcp")
public interface GcpConfig {

    /** The Google Cloud project; Cloud Functions sets GOOGLE_CLOUD_PROJECT. */
    @WithDefault("${GOOGLE_CLOUD_PROJECT:loadout-local}")
    String project();

    /** The bucket whose imports/ folder feeds the imports function. */
    @WithDefault("${LOADOUT_BUCKET:loadout-local}")
    String bucket();

    /** Topic every domain event is published to. */
    @WithDefault("loadout-events")
    String eventsTopic();

    /** host:port of a plaintext Pub/Sub endpoint (an emulator or test server) instead of Google's. */
    Optional<String> pubsubEndpoint();
}
