package io.loadout.webhook;

import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Partner webhook signatures: header {@value #HEADER} = {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>" with the partner's secret>}. Refused (401): no or malformed header, unknown secret, a
 * timestamp outside the tolerance, a wrong signature, or a signature already accepted (a replay). The accepted
 * signature is recorded in the caller's transaction, so a delivery whose processing failed can be sent again.
 */
@ApplicationScoped
public class WebhookVerifier {

    public static final String HEADER = "X-Loadout-Signature";

    private final WebhookConfig config;
    private final Sql sql;
    private final Clock clock;

    WebhookVerifier(WebhookConfig config, Sql sql, Clock clock) {
        this.config = config;
        this.sql = sql;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void verify(Partner partner, String header, byte[] body) {
        String secret = secret(partner).filter(s -> !s.isBlank()).orElseThrow(() -> new DomainException.Unauthenticated(
                HEADER, "webhooks from " + partner + " are not configured here (no secret)"));
        var parts = parse(header);
        long t;
        try {
            t = Long.parseLong(parts.timestamp());
        } catch (NumberFormatException e) {
            throw refused("t is not a unix timestamp");
        }
        var now = clock.instant();
        // Compared as plain seconds: any long may arrive in the header, and not every long is an Instant.
        long tolerance = config.tolerance().toSeconds();
        if (t < now.getEpochSecond() - tolerance || t > now.getEpochSecond() + tolerance) {
            throw refused("the signature's timestamp is outside " + config.tolerance().toSeconds() + " s of our clock");
        }
        byte[] expected = sign(secret, parts.timestamp(), body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(parts.signature());
        } catch (IllegalArgumentException e) {
            throw refused("v1 is not hex");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw refused("the signature does not match the body");
        }
        sql.update("delete from webhook_delivery where received_at < ?", List.of(now.minus(config.tolerance().multipliedBy(2))));
        int recorded = sql.update("""
                insert into webhook_delivery (partner, signature, received_at) values (?, ?, ?)
                on conflict do nothing""", List.of(partner, parts.signature().toLowerCase(), now));
        if (recorded == 0) {
            throw refused("this delivery was already received (replay)");
        }
    }

    /** The header value a partner sends for {@code body} at {@code at}: used by our tests and the README example. */
    public static String signatureHeader(String secret, Instant at, byte[] body) {
        String t = Long.toString(at.getEpochSecond());
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(sign(secret, t, body));
    }

    private record Parts(String timestamp, String signature) {
    }

    private static Parts parse(String header) {
        if (header == null || header.isBlank()) {
            throw refused("missing; sign the raw body as described in the README");
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            throw refused("expected t=<unix seconds>,v1=<hex HMAC-SHA256>");
        }
        return new Parts(t, v1);
    }

    private Optional<String> secret(Partner partner) {
        return switch (partner) {
            case UNGATING -> config.ungatingSecret();
            case AUTOFBA -> config.autofbaSecret();
        };
    }

    private static byte[] sign(String secret, String timestamp, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainException.Unauthenticated refused(String why) {
        return new DomainException.Unauthenticated(HEADER, HEADER + " refused: " + why);
    }
}
