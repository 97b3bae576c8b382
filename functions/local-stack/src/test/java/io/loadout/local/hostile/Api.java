package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loadout.webhook.WebhookVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Plain JSON calls the fixtures seed their data with; a status other than the expected one fails the seeding. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SIGNED = new AtomicLong();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    Api(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    JsonNode get(String token, String path) {
        return call("GET", token, path, null, null, 200);
    }

    int status(String token, String path) {
        return raw("GET", token, path, null, null, null).statusCode();
    }

    JsonNode post(String token, String path, String json, int expected) {
        return call("POST", token, path, json, null, expected);
    }

    JsonNode put(String token, String path, String json) {
        return call("PUT", token, path, json, null, 200);
    }

    JsonNode patch(String token, String path, String json) {
        return call("PATCH", token, path, json, null, 200);
    }

    /** A partner delivery signed with the secret (a distinct past second each, so none is taken for a replay). */
    JsonNode signed(String path, String secret, String json) {
        Instant at = Instant.now().minusSeconds(250 + SIGNED.getAndIncrement() % 40);
        return call("POST", null, path, json, WebhookVerifier.signatureHeader(secret, at, json.getBytes(StandardCharsets.UTF_8)), 200);
    }

    HttpResponse<byte[]> raw(String method, String token, String path, byte[] body, String contentType, String signature) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (signature != null) {
            request.header(WebhookVerifier.HEADER, signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(String method, String token, String path, String json, String signature, int expected) {
        var response = raw(method, token, path, json == null ? null : json.getBytes(StandardCharsets.UTF_8),
                json == null ? null : "application/json", signature);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("seeding: " + method + " " + path + " " + json + " answered "
                    + response.statusCode() + ": " + body);
        }
        try {
            return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
