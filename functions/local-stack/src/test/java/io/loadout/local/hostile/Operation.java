package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadout.orders.storefront.StorefrontDeliveries;
import io.loadout.webhook.WebhookVerifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One operation of the OpenAPI document: method, path template, parameters, request bodies by media type and the
 * roles its {@code security} requirement names (empty: public, e.g. health or a signed webhook).
 */
record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies, Set<String> roles) {

    static final String JSON = "application/json";
    static final String MULTIPART = "multipart/form-data";

    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    String key() {
        return method + " " + path;
    }

    boolean isRead() {
        return method.equals("GET");
    }

    List<Param> params(String in) {
        return params.stream().filter(p -> p.in().equals(in)).toList();
    }

    Optional<JsonNode> jsonBody() {
        return Optional.ofNullable(bodies.get(JSON));
    }

    boolean multipart() {
        return bodies.containsKey(MULTIPART);
    }

    /** Authenticated by the partner's HMAC over the raw body instead of a token. */
    boolean signedWebhook() {
        return signatureHeader() != null;
    }

    /** The header a partner signs this operation's body in, or null when it takes no signature. */
    String signatureHeader() {
        return params("header").stream().map(Param::name)
                .filter(n -> n.equalsIgnoreCase(WebhookVerifier.HEADER) || n.equalsIgnoreCase(StorefrontDeliveries.SIGNATURE))
                .findFirst().orElse(null);
    }

    boolean allows(String role) {
        return roles.isEmpty() || roles.contains(role);
    }

    /** The path segment naming the collection a path parameter indexes: {@code /carts/{id}} → {@code carts}. */
    String collectionOf(String param) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + param + "}")) {
                return segments[i - 1];
            }
        }
        return "";
    }
}
