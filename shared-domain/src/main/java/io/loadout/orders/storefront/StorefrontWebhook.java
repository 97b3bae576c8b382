package io.loadout.orders.storefront;

import io.loadout.orders.storefront.StorefrontDeliveries.Delivery;
import io.loadout.orders.storefront.StorefrontSync.Applied;
import io.loadout.shared.DomainException;
import io.loadout.shared.JsonBodies;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/orders/webhooks/storefront}: a signed delivery is checked over its raw bytes before anything is
 * read, then parsed by its topic, validated (a refusal names the field) and applied, all in one transaction, so a
 * refused delivery leaves nothing behind.
 */
@ApplicationScoped
public class StorefrontWebhook {

    static final List<String> CUSTOMER_TOPICS = List.of("customers/create", "customers/update");
    static final List<String> ORDER_TOPICS = List.of("orders/create", "orders/updated", "orders/cancelled",
            "orders/paid", "orders/fulfilled");

    private final StorefrontDeliveries deliveries;
    private final StorefrontSync sync;
    private final JsonBodies bodies;
    private final Clock clock;

    StorefrontWebhook(StorefrontDeliveries deliveries, StorefrontSync sync, JsonBodies bodies, Clock clock) {
        this.deliveries = deliveries;
        this.sync = sync;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** {@code duplicate}: the sender retried a delivery already applied; {@code applied} is then null. */
    @RegisterForReflection
    public record Received(String topic, boolean duplicate, Applied applied) {
    }

    @Transactional
    public Received receive(Delivery delivery, byte[] body) {
        long seller = sync.seller().orElseThrow(() -> new DomainException.Unauthenticated(
                StorefrontDeliveries.SIGNATURE, "storefront webhooks are not configured here (no seller account)"));
        Instant now = clock.instant();
        boolean fresh = deliveries.accept(delivery, body, now);
        String topic = delivery.topic() == null ? "" : delivery.topic().strip().toLowerCase(Locale.ROOT);
        if (!CUSTOMER_TOPICS.contains(topic) && !ORDER_TOPICS.contains(topic)) {
            throw new DomainException.InvalidInput(StorefrontDeliveries.TOPIC, StorefrontDeliveries.TOPIC
                    + " must be one of " + CUSTOMER_TOPICS + " or " + ORDER_TOPICS);
        }
        if (!fresh) {
            return new Received(topic, true, null);
        }
        var applied = CUSTOMER_TOPICS.contains(topic)
                ? sync.customer(seller, bodies.parse(body, StorefrontPayloads.Customer.class), now)
                : sync.order(seller, bodies.parse(body, StorefrontPayloads.Order.class), now);
        return new Received(topic, false, applied);
    }
}
