package io.loadout.testing;

import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import com.google.pubsub.v1.PubsubMessage;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local gRPC server speaking the Pub/Sub Publisher service (no emulator is obtainable here). Applications under
 * test point their real Publisher client at it ({@code loadout.gcp.pubsub-endpoint}); tests read what arrived.
 */
public final class FakePubSubServer implements AutoCloseable {

    public record Published(String topic, PubsubMessage message) {
        public String attribute(String name) {
            return message.getAttributesOrDefault(name, null);
        }

        public String data() {
            return message.getData().toStringUtf8();
        }
    }

    private final List<Published> received = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final Server server;

    public FakePubSubServer() {
        try {
            server = ServerBuilder.forPort(0).addService(new PublisherGrpc.PublisherImplBase() {
                @Override
                public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
                    var reply = PublishResponse.newBuilder();
                    for (PubsubMessage message : request.getMessagesList()) {
                        received.add(new Published(request.getTopic(), message));
                        reply.addMessageIds(String.valueOf(ids.incrementAndGet()));
                    }
                    response.onNext(reply.build());
                    response.onCompleted();
                }
            }).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "localhost:" + server.getPort();
    }

    public List<Published> received() {
        return received;
    }

    public List<Published> ofType(String type) {
        return received.stream().filter(p -> type.equals(p.attribute("type"))).toList();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
