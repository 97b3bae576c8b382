package io.loadout.adapters.gcp;

import java.util.Optional;

record TestGcpConfig(String project, String bucket, String eventsTopic, Optional<String> pubsubEndpoint)
        implements GcpConfig {
}
