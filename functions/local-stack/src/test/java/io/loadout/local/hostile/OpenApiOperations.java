package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every operation the running stack's OpenAPI document ({@code /q/openapi?format=json}) describes, and its schemas. */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    static OpenApiOperations fetch(URI base) {
        try {
            var response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
            }
            return new OpenApiOperations(new ObjectMapper().readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sorted by path, then method, so case numbers and reports are stable from run to run. */
    List<Operation> all() {
        var operations = new ArrayList<Operation>();
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode op = path.getValue().get(method);
            if (op != null) {
                operations.add(operation(method.toUpperCase(), path.getKey(), path.getValue(), op));
            }
        }));
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode op) {
        var params = new ArrayList<Operation.Param>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            source.forEach(p -> {
                JsonNode param = resolve(p);
                params.add(new Operation.Param(param.path("name").asText(), param.path("in").asText(),
                        resolve(param.path("schema")), param.path("required").asBoolean(false)));
            });
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        resolve(op.path("requestBody")).path("content").fields()
                .forEachRemaining(c -> bodies.put(c.getKey(), resolve(c.getValue().path("schema"))));
        Set<String> roles = new LinkedHashSet<>();
        op.path("security").forEach(requirement -> requirement.forEach(scopes -> scopes.forEach(r -> roles.add(r.asText()))));
        return new Operation(method, path, List.copyOf(params), bodies, roles);
    }

    /** Follows {@code $ref} and a single-element {@code allOf} (how property annotations wrap a reference). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 20; depth++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                ObjectNode merged = ((ObjectNode) current).deepCopy();
                merged.remove("allOf");
                JsonNode inner = resolve(current.get("allOf").get(0));
                inner.fields().forEachRemaining(f -> {
                    if (!merged.has(f.getKey())) {
                        merged.set(f.getKey(), f.getValue());
                    }
                });
                current = merged;
            } else {
                return current;
            }
        }
        return current;
    }
}
