package io.loadout.adapters.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.loadout.event.EventEnvelope;
import io.loadout.event.EventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Publishes domain events to the events topic. Data is the JSON envelope; attributes repeat its metadata so
 * subscriptions can filter on {@code type} without parsing.
 */
@ApplicationScoped
public class PubSubEventPublisher implements EventPublisher {

    private final GcpConfig config;
    private final ObjectMapper json;
    private Publisher publisher;
    private ManagedChannel channel;

    PubSubEventPublisher(GcpConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Override
    public void publish(EventEnvelope event) throws Exception {
        var message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom(json.writeValueAsBytes(event)))
                .putAttributes("id", event.id().toString())
                .putAttributes("type", event.type())
                .putAttributes("version", String.valueOf(event.version()))
                .putAttributes("occurredAt", event.occurredAt().toString())
                .putAttributes("account", event.accountId() == null ? "" : event.accountId().toString())
                .build();
        publisher().publish(message).get(30, TimeUnit.SECONDS);
    }

    private synchronized Publisher publisher() throws IOException {
        if (publisher == null) {
            var builder = Publisher.newBuilder(TopicName.of(config.project(), config.eventsTopic()));
            if (config.pubsubEndpoint().isPresent()) {
                channel = ManagedChannelBuilder.forTarget(config.pubsubEndpoint().get()).usePlaintext().build();
                builder.setChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
                        .setCredentialsProvider(NoCredentialsProvider.create());
            }
            publisher = builder.build();
        }
        return publisher;
    }

    @PreDestroy
    synchronized void close() throws InterruptedException {
        if (publisher != null) {
            publisher.shutdown();
            publisher.awaitTermination(10, TimeUnit.SECONDS);
        }
        if (channel != null) {
            channel.shutdownNow();
        }
    }
}
