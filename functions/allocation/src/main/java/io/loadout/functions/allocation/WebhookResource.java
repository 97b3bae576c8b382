package io.loadout.functions.allocation;

import io.loadout.allocation.PartnerSync;
import io.loadout.allocation.PartnerWebhooks;
import io.loadout.allocation.UngatingService;
import io.loadout.webhook.WebhookVerifier;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The partners' webhooks. No token: each request is authenticated by its HMAC signature over the raw body
 * ({@code X-Loadout-Signature: t=<unix>,v1=<hex>}); a replay or a stale signature answers 401.
 */
@Path("/api/allocation/webhooks")
@Consumes(MediaType.WILDCARD)
public class WebhookResource {

    private final PartnerWebhooks webhooks;

    WebhookResource(PartnerWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** The ungating software: {@code {store, asin, status, updatedAt}} or a list of them. */
    @POST
    @PermitAll
    @Path("/ungating")
    public UngatingService.Result ungating(@RestHeader(WebhookVerifier.HEADER) String signature, byte[] body) {
        return webhooks.ungating(signature, body);
    }

    /** The AutoFBA panel: clients, stores and balance entries (the contract is in the module README). */
    @POST
    @PermitAll
    @Path("/autofba")
    public PartnerSync.Applied autofba(@RestHeader(WebhookVerifier.HEADER) String signature, byte[] body) {
        return webhooks.autofba(signature, body);
    }
}
