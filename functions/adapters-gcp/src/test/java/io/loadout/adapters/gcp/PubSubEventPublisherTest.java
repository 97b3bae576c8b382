package io.loadout.adapters.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PublisherGrpc;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.loadout.event.EventEnvelope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Google's real Publisher client against a local gRPC server speaking the Pub/Sub Publisher service. */
class PubSubEventPublisherTest {

    private final List<PublishRequest> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private Server server;

    @BeforeEach
    void startServer() throws Exception {
        server = ServerBuilder.forPort(0).addService(new PublisherGrpc.PublisherImplBase() {
            @Override
            public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
                received.add(request);
                var reply = PublishResponse.newBuilder();
                request.getMessagesList().forEach(m -> reply.addMessageIds("m-" + received.size()));
                response.onNext(reply.build());
                response.onCompleted();
            }
        }).build().start();
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void publishesTheEnvelopeAsDataWithItsMetadataAsAttributes() throws Exception {
        var publisher = new PubSubEventPublisher(
                new TestGcpConfig("proj", "b", "loadout-events", Optional.of("localhost:" + server.getPort())), json);
        var event = new EventEnvelope(UUID.randomUUID(), "import.finished", 1, Instant.parse("2026-11-21T10:00:00Z"), 7L,
                json.readTree("{\"jobId\":3}"));
        try {
            publisher.publish(event);
        } finally {
            publisher.close();
        }

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.getTopic()).isEqualTo("projects/proj/topics/loadout-events");
            var message = request.getMessages(0);
            assertThat(message.getAttributesMap()).containsEntry("id", event.id().toString())
                    .containsEntry("type", "import.finished").containsEntry("version", "1").containsEntry("account", "7")
                    .containsEntry("occurredAt", "2026-11-21T10:00:00Z");
            var decoded = json.readValue(message.getData().toByteArray(), EventEnvelope.class);
            assertThat(decoded).isEqualTo(event);
        });
    }
}
