package io.loadout.functions.orders;

import io.loadout.orders.storefront.StorefrontDeliveries;
import io.loadout.orders.storefront.StorefrontDeliveries.Delivery;
import io.loadout.orders.storefront.StorefrontWebhook;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * The storefront's webhook, in the mainstream storefront format (the contract and the mapping are in the module
 * README): authenticated by the HMAC of the raw body in {@value StorefrontDeliveries#SIGNATURE}, not by a token.
 */
@Path("/api/orders/webhooks")
@Consumes(MediaType.WILDCARD)
public class StorefrontWebhookResource {

    private final StorefrontWebhook webhook;

    StorefrontWebhookResource(StorefrontWebhook webhook) {
        this.webhook = webhook;
    }

    @POST
    @PermitAll
    @Path("/storefront")
    public StorefrontWebhook.Received storefront(@RestHeader(StorefrontDeliveries.SIGNATURE) String signature,
                                                 @RestHeader(StorefrontDeliveries.TOPIC) String topic,
                                                 @RestHeader(StorefrontDeliveries.WEBHOOK_ID) String webhookId,
                                                 @RestHeader(StorefrontDeliveries.TRIGGERED_AT) String triggeredAt,
                                                 byte[] body) {
        return webhook.receive(new Delivery(signature, topic, webhookId, triggeredAt), body);
    }
}
