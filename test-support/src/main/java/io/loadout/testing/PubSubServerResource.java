package io.loadout.testing;

import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local gRPC server speaking the Pub/Sub Publisher service (no emulator is obtainable here). The application's
 * real Publisher client talks to it through {@code loadout.gcp.pubsub-endpoint}; tests read what it received.
 */
public class PubSubServerResource implements QuarkusTestResourceLifecycleManager {

    public record Published(String topic, PubsubMessage message) {
        public String attribute(String name) {
            return message.getAttributesOrDefault(name, null);
        }
    }

    private static final List<Published> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicLong IDS = new AtomicLong();
    private Server server;

    public static List<Published> received() {
        return RECEIVED;
    }

    public static List<Published> ofType(String type) {
        return RECEIVED.stream().filter(p -> type.equals(p.attribute("type"))).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = ServerBuilder.forPort(0).addService(new PublisherGrpc.PublisherImplBase() {
                @Override
                public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
                    var reply = PublishResponse.newBuilder();
                    for (PubsubMessage message : request.getMessagesList()) {
                        RECEIVED.add(new Published(request.getTopic(), message));
                        reply.addMessageIds(String.valueOf(IDS.incrementAndGet()));
                    }
                    response.onNext(reply.build());
                    response.onCompleted();
                }
            }).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("loadout.gcp.pubsub-endpoint", "localhost:" + server.getPort(), "loadout.gcp.project", "test-project");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
        }
    }
}
