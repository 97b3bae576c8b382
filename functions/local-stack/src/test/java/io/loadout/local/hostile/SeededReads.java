package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads of seeded rows taken before and after a suite: each must still answer 200, keep its identity
 * ({@code id}, {@code externalId}) and keep at least as many list entries (ledger, tokens, prices).
 */
final class SeededReads {

    private record Read(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeededReads() {
    }

    static Map<String, Object> take(Api api, String token, List<String> paths) {
        var reads = new LinkedHashMap<String, Object>();
        for (String path : paths) {
            var response = api.raw("GET", token, path, null, null, null);
            JsonNode body;
            try {
                body = JSON.readTree(new String(response.body(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                body = null; // an image: its status is what counts
            }
            reads.put(path, new Read(response.statusCode(), body));
        }
        return reads;
    }

    static List<String> differences(Map<String, Object> before, Map<String, Object> after) {
        var lost = new ArrayList<String>();
        before.forEach((path, was) -> {
            Read a = (Read) was;
            Read b = (Read) after.get(path);
            if (a.status() != 200) {
                lost.add(path + ": not readable even before the suite (" + a.status() + ")");
            } else if (b.status() != 200) {
                lost.add(path + ": " + a.status() + " before, " + b.status() + " after");
            } else if (a.body() != null) {
                for (String identity : List.of("id", "externalId")) {
                    if (a.body().has(identity) && !a.body().get(identity).equals(b.body().get(identity))) {
                        lost.add(path + ": " + identity + " " + a.body().get(identity) + " → " + b.body().get(identity));
                    }
                }
                JsonNode listBefore = a.body().isArray() ? a.body() : a.body().path("items");
                JsonNode listAfter = b.body().isArray() ? b.body() : b.body().path("items");
                if (listAfter.size() < listBefore.size()) {
                    lost.add(path + ": " + listBefore.size() + " entries before, " + listAfter.size() + " after");
                }
            }
        });
        return lost;
    }
}
