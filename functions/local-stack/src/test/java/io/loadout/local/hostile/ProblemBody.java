package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a response body says about the input at fault: the problem's {@code field} and each {@code errors[].field}. */
final class ProblemBody {

    /** Strings that only a stack trace or an internal message would put into a response. */
    static final List<String> INTERNALS = List.of("io.loadout.", "Exception", "com.fasterxml", "java.lang.",
            "java.util.", "org.hibernate", "org.postgresql", "org.jboss", "io.quarkus", "io.vertx", "jakarta.", "\tat ",
            "Caused by");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemBody() {
    }

    /** The named fields; an entry is "" where an error has no field. Empty when the body is not JSON. */
    static List<String> namedFields(String contentType, String body) {
        var names = new ArrayList<String>();
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return names;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("field")) {
                names.add(problem.get("field").asText());
            }
            if (problem != null) {
                problem.path("errors").forEach(e -> names.add(e.path("field").asText("")));
            }
        } catch (java.io.IOException e) {
            // not JSON after all: names nothing
        }
        return names;
    }

    static boolean hasUnnamedError(String contentType, String body) {
        if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem == null) {
                return false;
            }
            for (JsonNode e : problem.path("errors")) {
                if (e.path("field").asText("").isBlank()) {
                    return true;
                }
            }
            return problem.path("errors").size() > 0 && problem.path("field").asText("").isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The first internal string in a textual body, or null (images and spreadsheets are not text). */
    static String leakedInternal(String contentType, String body) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.isEmpty() && !type.contains("json") && !type.contains("text") && !type.contains("html")
                && !type.contains("csv") && !type.contains("xml")) {
            return null;
        }
        return INTERNALS.stream().filter(body::contains).findFirst().orElse(null);
    }

    /**
     * A rule between two fields ("the deposit exceeds the amount 1"): the problem names the other field, but its
     * message names the mutated one, and no named field is a near miss of it (same last segment, e.g. items.qty for
     * items[0].qty, which stays a misnaming).
     */
    static boolean crossFieldRule(List<String> named, String target, String body) {
        String leaf = leaf(target);
        boolean nearMiss = named.stream().anyMatch(n -> leaf(n).equals(leaf));
        return !nearMiss && body.toLowerCase(Locale.ROOT).contains(leaf.toLowerCase(Locale.ROOT));
    }

    private static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replaceAll("\\[\\d+]$", "");
    }

    /** Whether a named field is the mutated one, a parent of it, or inside it ({@code items} vs {@code items[0].qty}). */
    static boolean sameInput(String named, String target) {
        return named.equals(target) || target.startsWith(named + ".") || target.startsWith(named + "[")
                || named.startsWith(target + ".") || named.startsWith(target + "[");
    }
}
