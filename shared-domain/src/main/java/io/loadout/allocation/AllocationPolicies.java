package io.loadout.allocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.alert.AlertDraft;
import io.loadout.alert.AlertSeverity;
import io.loadout.notification.Notification;
import io.loadout.notification.NotifyConfig;
import io.loadout.notification.OutgoingMail;
import io.loadout.notification.TypedPolicy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the allocation events tell people. Client-facing news (an allocation, a preorder, a full pallet) goes to
 * the client's address with the admin copied, and to the client's own dashboard when the client has a login;
 * what only the admin acts on (a balance to request, an invoice to upload, ungating news) goes to the admin.
 */
final class AllocationPolicies {

    private AllocationPolicies() {
    }

    /** The client's address (when the AutoFBA panel gave one) and the admin's. */
    static List<String> clientAndAdmin(ClientRef client, NotifyConfig config) {
        var to = new ArrayList<String>();
        if (client.email() != null && !client.email().isBlank()) {
            to.add(client.email());
        }
        to.add(config.adminEmail());
        return to;
    }

    /** An alert the client's login sees, now or once one is linked to the client. */
    static AlertDraft clientAlert(ClientRef client, AlertSeverity severity, String code, String title, String detail) {
        return new AlertDraft(client.accountId(), severity, code, title, detail, ClientRef.audience(client.id()), null);
    }

    /** A confirmed cart: the units are the client's. */
    @Singleton
    static class CartConfirmedPolicy extends TypedPolicy<CartConfirmed> {
        CartConfirmedPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, CartConfirmed.class, CartConfirmed.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(CartConfirmed cart) {
            String title = "Allocated: " + cart.units() + " units for " + cart.goodsTotal() + " to " + cart.store().name();
            return Optional.of(new Notification(
                    new OutgoingMail(clientAndAdmin(cart.client(), config), "[Loadout] " + title,
                            "allocation-cart-confirmed", Map.of("cart", cart)),
                    clientAlert(cart.client(), AlertSeverity.INFO, "allocation.cart.confirmed", title,
                            "Cart #" + cart.cartId() + " for " + cart.client().name() + "; balance now "
                                    + cart.balanceAfter() + ".")));
        }
    }

    /** A cart or a pallet's shipping the balance cannot cover: the admin asks the client for more. */
    @Singleton
    static class BalanceInsufficientPolicy extends TypedPolicy<BalanceInsufficient> {
        BalanceInsufficientPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, BalanceInsufficient.class, BalanceInsufficient.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(BalanceInsufficient shortfall) {
            String title = "Request balance: " + shortfall.client().name() + " is " + shortfall.shortfall() + " short";
            String suggestion = shortfall.suggestionId() == null ? " No mutual store to move the units to."
                    : " Suggestion #" + shortfall.suggestionId() + ": move the units to " + shortfall.mutualStore().name()
                    + " (POST /api/allocation/transfer-suggestions/" + shortfall.suggestionId() + "/accept).";
            return Optional.of(new Notification(
                    new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "allocation-balance-insufficient",
                            Map.of("shortfall", shortfall)),
                    new AlertDraft(null, AlertSeverity.WARNING, "allocation.balance.insufficient", title,
                            shortfall.reference() + " needs " + shortfall.needed() + ", the balance has "
                                    + shortfall.available() + "." + suggestion)));
        }
    }

    /** A partner's entries took a balance below zero: the admin settles it with the client before anything ships. */
    @Singleton
    static class BalanceNegativePolicy extends TypedPolicy<BalanceNegative> {
        BalanceNegativePolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, BalanceNegative.class, BalanceNegative.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(BalanceNegative negative) {
            String title = "Negative balance: " + negative.client().name() + " is at " + negative.balance();
            return Optional.of(new Notification(
                    new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "allocation-balance-negative",
                            Map.of("negative", negative)),
                    new AlertDraft(null, AlertSeverity.CRITICAL, BalanceNegative.TYPE, title,
                            negative.entriesBooked() + " entries from " + negative.source() + " left "
                                    + negative.client().externalId() + " at " + negative.balance()
                                    + "; nothing can be allocated or shipped to it until it is settled.")));
        }
    }

    /** Ungating news from the software or an admin: a dashboard line, and a mail listing the changes. */
    @Singleton
    static class UngatingChangedPolicy extends TypedPolicy<UngatingChanged> {
        UngatingChangedPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, UngatingChanged.class, UngatingChanged.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(UngatingChanged changed) {
            if (changed.changed() == 0) {
                return Optional.empty();
            }
            String title = "Ungating: " + changed.changed() + " change" + (changed.changed() == 1 ? "" : "s")
                    + " from " + changed.source();
            String first = changed.changes().stream().limit(5)
                    .map(c -> c.store() + "/" + c.asin() + " " + c.status()).reduce((a, b) -> a + ", " + b).orElse("");
            return Optional.of(new Notification(
                    new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "allocation-ungating-changed",
                            Map.of("changed", changed)),
                    new AlertDraft(null, AlertSeverity.INFO, "allocation.ungating.changed", title,
                            first + (changed.changes().size() > 5 ? ", …" : ""))));
        }
    }

    /** The ungating software needs an invoice: an admin task exists; the admin is told. */
    @Singleton
    static class InvoiceNeededPolicy extends TypedPolicy<InvoiceNeeded> {
        InvoiceNeededPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, InvoiceNeeded.class, InvoiceNeeded.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(InvoiceNeeded needed) {
            String title = "Invoice needed: " + needed.asin() + " at " + needed.storeName();
            return Optional.of(new Notification(
                    new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "allocation-invoice-needed",
                            Map.of("needed", needed)),
                    new AlertDraft(null, AlertSeverity.WARNING, "allocation.ungating.invoice-needed", title,
                            "Upload an invoice for " + needed.asin() + " to the ungating software for store "
                                    + needed.store() + " (admin task #" + needed.taskId() + ").")));
        }
    }

    /** Preordered stock arrived: allocated (balance due debited), or waiting for money or ungating. */
    @Singleton
    static class PreorderArrivedPolicy extends TypedPolicy<PreorderArrived> {
        PreorderArrivedPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, PreorderArrived.class, PreorderArrived.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(PreorderArrived arrived) {
            String title = "Preorder #" + arrived.preorderId() + " arrived: " + arrived.quantity() + " × " + arrived.asin()
                    + (arrived.allocated() ? " allocated" : " waiting");
            String detail = arrived.allocated() ? "Balance due " + arrived.debited() + " debited." : arrived.reason();
            return Optional.of(new Notification(
                    new OutgoingMail(clientAndAdmin(arrived.client(), config), "[Loadout] " + title,
                            "allocation-preorder-arrived", Map.of("arrived", arrived)),
                    clientAlert(arrived.client(),
                            arrived.allocated() ? AlertSeverity.INFO : AlertSeverity.WARNING,
                            "allocation.preorder.arrived", title, detail)));
        }
    }
}
