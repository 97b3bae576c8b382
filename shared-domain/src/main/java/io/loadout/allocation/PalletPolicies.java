package io.loadout.allocation;

import static io.loadout.allocation.AllocationPolicies.clientAlert;
import static io.loadout.allocation.AllocationPolicies.clientAndAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.alert.AlertDraft;
import io.loadout.alert.AlertSeverity;
import io.loadout.notification.Notification;
import io.loadout.notification.NotifyConfig;
import io.loadout.notification.OutgoingMail;
import io.loadout.notification.TypedPolicy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What pallet events tell people: a full pallet once it is confirmed, a kept-back pallet once while it lasts. */
final class PalletPolicies {

    private PalletPolicies() {
    }

    /** A confirmed full pallet: the client and the admin hear of it once; drafts are never announced. */
    @Singleton
    static class PalletReadyPolicy extends TypedPolicy<PalletReady> {
        PalletReadyPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, PalletReady.class, PalletReady.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(PalletReady pallet) {
            String title = "Full pallet ready: " + pallet.code() + " for " + pallet.store().name();
            return Optional.of(new Notification(
                    new OutgoingMail(clientAndAdmin(pallet.client(), config), "[Loadout] " + title,
                            "allocation-pallet-ready", Map.of("pallet", pallet)),
                    clientAlert(pallet.client(), AlertSeverity.INFO, PalletReady.TYPE, title,
                            pallet.units() + " units confirmed, shipping " + pallet.totalShipping()
                                    + "; mark it shipped with POST /api/allocation/pallets/" + pallet.palletId()
                                    + "/ship.")));
        }
    }

    /** Units kept back: the admin sees why, line by line, once per kept-back content while the alert is open. */
    @Singleton
    static class PalletKeptBackPolicy extends TypedPolicy<PalletKeptBack> {
        PalletKeptBackPolicy(ObjectMapper json, NotifyConfig config) {
            super(json, config, PalletKeptBack.class, PalletKeptBack.TYPE);
        }

        @Override
        protected Optional<Notification> notificationFor(PalletKeptBack kept) {
            String title = "Kept back: " + kept.units() + " units of " + kept.client().name() + " for "
                    + kept.store().name();
            String detail = kept.pallets().stream().flatMap(p -> p.lines().stream())
                    .map(l -> l.quantity() + " × " + l.asin() + ": " + l.reason()).collect(Collectors.joining("; "));
            return Optional.of(new Notification(
                    new OutgoingMail(List.of(config.adminEmail()), "[Loadout] " + title, "allocation-pallet-kept-back",
                            Map.of("kept", kept)),
                    new AlertDraft(null, AlertSeverity.WARNING, PalletKeptBack.TYPE, title, detail, null,
                            kept.openKey())));
        }
    }
}
