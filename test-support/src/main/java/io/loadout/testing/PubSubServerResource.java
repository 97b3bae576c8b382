package io.loadout.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/** Runs a {@link FakePubSubServer} for a Quarkus test and points the application's Publisher at it. */
public class PubSubServerResource implements QuarkusTestResourceLifecycleManager {

    private static FakePubSubServer server;

    public static List<FakePubSubServer.Published> received() {
        return server.received();
    }

    public static List<FakePubSubServer.Published> ofType(String type) {
        return server.ofType(type);
    }

    @Override
    public Map<String, String> start() {
        server = new FakePubSubServer();
        return Map.of("loadout.gcp.pubsub-endpoint", server.endpoint(), "loadout.gcp.project", "test-project");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
