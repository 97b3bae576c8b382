package io.loadout.testing;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Posts CloudEvents in binary content mode, as Eventarc delivers them to a gen2 function. */
public final class CloudEvents {

    public static final String STORAGE_FINALIZED = "google.cloud.storage.object.v1.finalized";
    public static final String PUBSUB_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    private CloudEvents() {
    }

    /** Posts to the application under test (rest-assured's configured base URI and port). */
    public static Response post(String id, String type, String source, String jsonData) {
        return send(given(), id, type, source, jsonData);
    }

    /** Posts to a function listening at {@code baseUri}. */
    public static Response postTo(String baseUri, String id, String type, String source, String jsonData) {
        return send(given().baseUri(baseUri), id, type, source, jsonData);
    }

    private static Response send(io.restassured.specification.RequestSpecification request, String id, String type,
                                 String source, String jsonData) {
        return request
                .header("ce-specversion", "1.0")
                .header("ce-id", id)
                .header("ce-type", type)
                .header("ce-source", source)
                .header("ce-time", "2026-11-21T10:00:00Z")
                .contentType("application/json")
                .body(jsonData)
                .post("/");
    }

    public static String storageObjectData(String bucket, String name, long generation, long size) {
        return """
                {"bucket":"%s","name":"%s","generation":"%d","size":"%d","contentType":"text/csv",
                 "timeCreated":"2026-11-21T10:00:00Z","md5Hash":"x"}""".formatted(bucket, name, generation, size);
    }

    /** MessagePublishedData around {@code data}, with the given message id. */
    public static String pubSubMessage(String messageId, String data, Map<String, String> attributes) {
        var attrs = new StringBuilder("{");
        attributes.forEach((k, v) -> attrs.append(attrs.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        attrs.append('}');
        return """
                {"message":{"data":"%s","attributes":%s,"messageId":"%s","publishTime":"2026-11-21T10:00:00Z"},
                 "subscription":"projects/test-project/subscriptions/s"}""".formatted(
                Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)), attrs, messageId);
    }

    /**
     * Delivers like a Pub/Sub push subscription: a non-2xx answer is retried (here up to 3 attempts), so tests see
     * the at-least-once behaviour functions must handle. Returns the last response.
     */
    public static Response deliverTo(String baseUri, String type, String source, String jsonData) {
        Response response = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            var request = baseUri == null ? given() : given().baseUri(baseUri);
            response = send(request, newId(), type, source, jsonData);
            if (response.statusCode() / 100 == 2) {
                return response;
            }
        }
        return response;
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
