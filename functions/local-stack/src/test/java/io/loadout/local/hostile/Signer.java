package io.loadout.local.hostile;

import io.loadout.orders.storefront.StorefrontDeliveries;
import io.loadout.webhook.WebhookVerifier;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** How a partner signs a body: the headers sent with it, made at send time (fresh timestamps and ids). */
interface Signer {

    Map<String, String> headersFor(byte[] body);

    /** The allocation partners: {@value WebhookVerifier#HEADER} over "t.body", each at a distinct second. */
    static Signer loadout(String secret) {
        var distinct = new AtomicLong();
        return body -> Map.of(WebhookVerifier.HEADER, WebhookVerifier.signatureHeader(secret,
                Instant.now().minusSeconds(distinct.getAndIncrement() % 240), body));
    }

    /** The storefront: base64 HMAC of the body, a topic, a fresh delivery id and when it was triggered. */
    static Signer storefront(String secret, String topic) {
        return body -> Map.of(StorefrontDeliveries.SIGNATURE, StorefrontDeliveries.signatureOf(secret, body),
                StorefrontDeliveries.TOPIC, topic, StorefrontDeliveries.WEBHOOK_ID, UUID.randomUUID().toString(),
                StorefrontDeliveries.TRIGGERED_AT, Instant.now().toString());
    }
}
