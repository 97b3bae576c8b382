package io.loadout.orders.storefront;

import io.loadout.orders.OrdersConfig;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The only writer of {@code storefront_delivery}. A delivery is accepted once: its HMAC-SHA256 (base64, over the
 * raw body) must match, it must be recent ({@value #TRIGGERED_AT}), and neither its id nor its body may have come
 * before. The same id with the same body is the sender retrying a delivery we took (our answer went missing):
 * that is a duplicate, answered as such and applied no second time. Everything else is a 401 and leaves nothing.
 */
@ApplicationScoped
public class StorefrontDeliveries {

    public static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    public static final String TOPIC = "X-Shopify-Topic";
    public static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    public static final String TRIGGERED_AT = "X-Shopify-Triggered-At";
    /** Deliveries are remembered this long: far beyond the sender's 4 hours of retries. */
    private static final java.time.Duration REMEMBERED = java.time.Duration.ofDays(7);

    private final Sql sql;
    private final OrdersConfig config;

    StorefrontDeliveries(Sql sql, OrdersConfig config) {
        this.sql = sql;
        this.config = config;
    }

    /** The headers of one delivery, as received (any may be null). */
    public record Delivery(String signature, String topic, String webhookId, String triggeredAt) {
    }

    /** True when the delivery is new (go on and apply it), false when it is the sender retrying one we took. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean accept(Delivery delivery, byte[] body, Instant now) {
        String secret = config.storefront().webhookSecret().filter(s -> !s.isBlank())
                .orElseThrow(() -> refused(SIGNATURE, "storefront webhooks are not configured here (no secret)"));
        if (!MessageDigest.isEqual(sign(secret, body), decode(delivery.signature()))) {
            throw refused(SIGNATURE, "the signature does not match the body");
        }
        String id = delivery.webhookId() == null ? "" : delivery.webhookId().strip();
        if (id.isEmpty() || id.length() > 100) {
            throw refused(WEBHOOK_ID, WEBHOOK_ID + " is required (1 to 100 characters)");
        }
        requireRecent(delivery.triggeredAt(), now);
        byte[] bodyHash = sha256(body);
        // one round trip for a new delivery: forget the ones past their time, record this one
        long recorded = sql.one("""
                with forgotten as (delete from storefront_delivery where received_at < ?),
                     recorded as (insert into storefront_delivery (webhook_id, body_hash, topic, received_at)
                                  values (?, ?, ?, ?) on conflict do nothing returning 1)
                select count(*) as n from recorded""",
                List.of(now.minus(REMEMBERED), id, bodyHash, String.valueOf(delivery.topic()), now),
                r -> r.getLong("n")).orElseThrow();
        if (recorded == 1) {
            return true;
        }
        var earlier = sql.one("select body_hash from storefront_delivery where webhook_id = ?", List.of(id),
                r -> r.getObject("body_hash", byte[].class));
        if (earlier.isEmpty()) {
            throw refused(WEBHOOK_ID, "this body came before under another delivery id (replay)");
        }
        if (MessageDigest.isEqual(earlier.get(), bodyHash)) {
            return false;
        }
        throw refused(WEBHOOK_ID, "this delivery id came before with another body (replay)");
    }

    private void requireRecent(String triggeredAt, Instant now) {
        if (triggeredAt == null || triggeredAt.isBlank()) {
            throw refused(TRIGGERED_AT, TRIGGERED_AT + " is required");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(triggeredAt.strip()).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw refused(TRIGGERED_AT, TRIGGERED_AT + " must be an ISO-8601 date-time with an offset");
        }
        if (at.isBefore(now.minus(config.storefront().tolerance())) || at.isAfter(now.plusSeconds(60))) {
            throw refused(TRIGGERED_AT, "the delivery is stale: triggered at " + triggeredAt.strip()
                    + ", outside " + config.storefront().tolerance().toHours() + " h of our clock");
        }
    }

    /** The signature header a storefront sends for {@code body}: used by our tests and the README example. */
    public static String signatureOf(String secret, byte[] body) {
        return Base64.getEncoder().encodeToString(sign(secret, body));
    }

    private static byte[] sign(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    private static byte[] decode(String signature) {
        return Optional.ofNullable(signature).map(String::strip).filter(s -> s.length() <= 100).map(s -> {
            try {
                return Base64.getDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElseThrow(() -> refused(SIGNATURE, SIGNATURE + " is missing or not base64"));
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static DomainException refused(String field, String message) {
        return new DomainException.Unauthenticated(field, message);
    }
}
