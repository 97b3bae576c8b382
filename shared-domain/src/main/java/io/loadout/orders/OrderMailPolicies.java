package io.loadout.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.notification.Notification;
import io.loadout.notification.NotifyConfig;
import io.loadout.notification.OutgoingMail;
import io.loadout.notification.TypedPolicy;
import io.loadout.shared.Actor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What orders tell their buyers, by mail (a buyer without an email hears nothing). A mail that carries a link
 * issues it here, in the notifier's transaction: the secret is made, hashed into {@code buyer_link} and put in the
 * mail, and exists nowhere else. A failed send rolls the link back with the delivery, and the redelivery issues
 * another.
 */
final class OrderMailPolicies {

    private static final Actor NOTIFIER = new Actor("notifier");

    private OrderMailPolicies() {
    }

    /** Shipped: the tracking, and a fresh link to every order of the buyer with the seller. */
    @Singleton
    static class ShippedMailPolicy extends TypedPolicy<OrderShipped> {
        private final BuyerLinks links;
        private final Clock clock;

        ShippedMailPolicy(ObjectMapper json, NotifyConfig config, BuyerLinks links, Clock clock) {
            super(json, config, OrderShipped.class, OrderShipped.TYPE);
            this.links = links;
            this.clock = clock;
        }

        @Override
        protected Optional<Notification> notificationFor(OrderShipped shipped) {
            var buyer = shipped.buyer();
            if (buyer == null || buyer.email() == null) {
                return Optional.empty();
            }
            var link = links.issue(shipped.sellerId(), buyer.customerId(), LinkReason.SHIPPED, clock.instant(), NOTIFIER);
            return Optional.of(new Notification(new OutgoingMail(List.of(buyer.email()),
                    "Your order " + shipped.number() + " from " + buyer.sellerName() + " has shipped", "orders-shipped",
                    Map.of("shipped", shipped, "buyer", buyer, "link", link.url(), "expires", link.link().expiresAt())),
                    null));
        }
    }

    /** A payment received: how much, and what is still owed. */
    @Singleton
    static class PaymentMailPolicy extends TypedPolicy<PaymentRecorded> {
        PaymentMailPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, PaymentRecorded.class, PaymentRecorded.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(PaymentRecorded payment) {
            var buyer = payment.buyer();
            if (buyer == null || buyer.email() == null) {
                return Optional.empty();
            }
            return Optional.of(new Notification(new OutgoingMail(List.of(buyer.email()),
                    "Payment received for order " + payment.number() + " from " + buyer.sellerName(),
                    "orders-payment-received", Map.of("payment", payment, "buyer", buyer)), null));
        }
    }

    /** "Email me my link": a fresh link, to the address that asked. */
    @Singleton
    static class LinkMailPolicy extends TypedPolicy<BuyerLinkRequested> {
        private final BuyerLinks links;
        private final Clock clock;

        LinkMailPolicy(ObjectMapper json, NotifyConfig config, BuyerLinks links, Clock clock) {
            super(json, config, BuyerLinkRequested.class, BuyerLinkRequested.TYPE);
            this.links = links;
            this.clock = clock;
        }

        @Override
        protected Optional<Notification> notificationFor(BuyerLinkRequested requested) {
            var buyer = requested.buyer();
            var link = links.issue(requested.sellerId(), buyer.customerId(), LinkReason.REQUESTED, clock.instant(),
                    NOTIFIER);
            return Optional.of(new Notification(new OutgoingMail(List.of(buyer.email()),
                    "Your orders with " + buyer.sellerName(), "orders-buyer-link",
                    Map.of("buyer", buyer, "link", link.url(), "expires", link.link().expiresAt())), null));
        }
    }
}
