package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What of the other tenant a body shows: a marker string anywhere (names, emails, partner ids carry it), or one of
 * its ids where a field of that kind holds an id ({@code clientId}, {@code "client":{"id":…}}, the {@code id}s of
 * a {@code /clients} list).
 */
final class LeakDetector {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> markers;
    private final Map<String, Set<String>> idsByKind;

    LeakDetector(List<String> markers, Map<String, Set<String>> idsByKind) {
        this.markers = markers;
        this.idsByKind = idsByKind;
    }

    /** Each leak found, described; empty when the body shows nothing of the other tenant. */
    List<String> leaks(String path, String body) {
        var found = new ArrayList<String>();
        String lower = body.toLowerCase(Locale.ROOT);
        markers.stream().filter(m -> lower.contains(m.toLowerCase(Locale.ROOT))).forEach(m -> found.add("marker " + m));
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null) {
                walk(root, kindOf(lastLiteralSegment(path)), "", found);
            }
        } catch (java.io.IOException e) {
            // not JSON (a CSV, a page, an image): the markers are what can show
        }
        return found;
    }

    private void walk(JsonNode node, String context, String at, List<String> found) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), context, at + "[" + i + "]", found);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                String key = f.getKey();
                JsonNode value = f.getValue();
                String here = at.isEmpty() ? key : at + "." + key;
                if (value.isIntegralNumber() || value.isTextual()) {
                    String kind = key.equals("id") ? context : key.endsWith("Id") ? kindOf(key.substring(0, key.length() - 2)) : null;
                    if (kind != null && idsByKind.getOrDefault(kind, Set.of()).contains(value.asText())) {
                        found.add(kind + " id " + value.asText() + " at " + here);
                    }
                } else {
                    walk(value, key.equals("items") ? context : kindOf(key), here, found);
                }
            });
        }
    }

    private static String lastLiteralSegment(String path) {
        String[] segments = path.replaceAll("\\?.*", "").split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty() && !segments[i].matches("[0-9]+|[0-9a-f-]{36}")) {
                return segments[i];
            }
        }
        return "";
    }

    /** {@code clients} → client, {@code baseProductId} → base-product, {@code configId} → configuration. */
    static String kindOf(String name) {
        String kebab = name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        if (kebab.endsWith("-ids")) {
            kebab = kebab.substring(0, kebab.length() - 4);
        }
        if (kebab.endsWith("s")) {
            kebab = kebab.substring(0, kebab.length() - 1);
        }
        return switch (kebab) {
            case "config" -> "configuration";
            case "suggestion" -> "transfer-suggestion";
            default -> kebab;
        };
    }
}
