package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadout.local.hostile.HostileCase.Caller;
import io.loadout.local.hostile.HostileCase.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The bad-input corpus, generated from the OpenAPI document: for every operation, each path id, each query
 * parameter and each body field gets every bad value of its kind; bodies also come wrong-shaped, not JSON, or with
 * the wrong content type; uploads come empty or wrong; webhooks come with malformed signatures or signed nonsense.
 * Every case runs as ADMIN (the role that reaches deepest); every 7th also as a CLIENT and without a token.
 */
final class BadInputCorpus {

    private static final int SAMPLE_OTHER_CALLERS = 7;
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=UTF-16", "");

    /** Header values (printable ASCII only: the HTTP client refuses control characters in headers). */
    private static final List<String> HEADER_VALUES = List.of("", "garbage", "%00", "t=9223372036854775807",
            "x".repeat(8000), " ");

    private final JsonMutations mutations;
    private final SampleBodies samples;
    /** The path of an operation with its parameters filled with seeded ids (param name → value). */
    private final BiFunction<Operation, Map<String, String>, String> uris;
    private final String webhookStore;
    private final String webhookAsin;

    BadInputCorpus(OpenApiOperations api, SampleBodies samples, BiFunction<Operation, Map<String, String>, String> uris,
                   String webhookStore, String webhookAsin) {
        this.mutations = new JsonMutations(api);
        this.samples = samples;
        this.uris = uris;
        this.webhookStore = webhookStore;
        this.webhookAsin = webhookAsin;
    }

    /** The valid sample body of an operation with a JSON body, or null. */
    String sampleBody(Operation op) {
        return op.jsonBody().map(schema -> JsonMutations.write(samples.sample(schema))).orElse(null);
    }

    /**
     * @param sampleBodies   the valid sample body of each operation that takes JSON
     * @param requiredQuery  query parameters an operation refuses to go without (found by probing, since the
     *                       document may not mark them required), with a valid value
     */
    List<HostileCase> cases(List<Operation> operations, Map<String, String> sampleBodies,
                            Map<String, Map<String, String>> requiredQuery) {
        var cases = new ArrayList<HostileCase>();
        for (Operation op : operations) {
            cases.addAll(casesOf(op, sampleBodies.get(op.key()), requiredQuery.getOrDefault(op.key(), Map.of())));
        }
        var all = new ArrayList<HostileCase>();
        for (int i = 0; i < cases.size(); i++) {
            HostileCase c = cases.get(i);
            all.add(c);
            if (i % SAMPLE_OTHER_CALLERS == 0 && c.caller() == Caller.ADMIN) {
                all.add(c.as(Caller.CLIENT));
                all.add(c.as(Caller.NONE));
            }
        }
        return all;
    }

    private List<HostileCase> casesOf(Operation op, String sampleBody, Map<String, String> requiredQuery) {
        var cases = new ArrayList<HostileCase>();
        String uri = uris.apply(op, Map.of());
        byte[] body = sampleBody == null ? null : HostileCase.utf8(sampleBody);
        String type = sampleBody == null ? null : Operation.JSON;
        if (op.multipart()) {
            body = MultipartCases.validImage(op);
            type = MultipartCases.TYPE;
        }
        for (Operation.Param p : op.params("path")) {
            for (String value : ParamMutations.PATH_ID) {
                cases.add(HostileCase.of(op, "path " + p.name() + " = " + ParamMutations.label(value), Target.path(p.name()),
                        uris.apply(op, Map.of(p.name(), value)), type, body));
            }
        }
        for (Operation.Param p : op.params("query")) {
            for (String value : ParamMutations.QUERY) {
                cases.add(HostileCase.of(op, "query " + p.name() + " = " + ParamMutations.label(value), Target.query(p.name()),
                        uri + query(requiredQuery, p.name(), p.name() + "=" + value), type, body));
            }
            cases.add(HostileCase.of(op, "query " + p.name() + " twice", Target.query(p.name()),
                    uri + query(requiredQuery, p.name(), p.name() + "=1&" + p.name() + "=%00"), type, body));
            cases.add(HostileCase.of(op, "query " + p.name() + " without =", Target.query(p.name()),
                    uri + query(requiredQuery, p.name(), p.name()), type, body));
        }
        for (Operation.Param p : op.params("header")) {
            if (op.signedWebhook()) {
                break; // WebhookCases covers the signature header
            }
            for (String value : HEADER_VALUES) {
                cases.add(HostileCase.of(op, "header " + p.name() + " = " + ParamMutations.label(value),
                        Target.header(p.name()), uri, type, body).withHeaders(value.isEmpty() ? Map.of() : Map.of(p.name(), value)));
            }
        }
        if (op.isRead()) { // on a write with valid ids, junk the server rightly ignores would really change the data
            cases.add(HostileCase.of(op, "unknown query junk", Target.none(),
                    uri + query(requiredQuery, "", "zz%00=%00&%ED%A0%80=1"), type, body));
        }
        if (op.signedWebhook()) {
            cases.addAll(WebhookCases.of(op, mutations, webhookStore, webhookAsin));
        } else if (op.multipart()) {
            cases.addAll(MultipartCases.of(op, uri));
        } else if (sampleBody != null) {
            cases.addAll(bodyCases(op, uri, sampleBody));
        }
        return cases;
    }

    /** {@code ?<mutated>} after the parameters the operation refuses to go without (but the one mutated). */
    private static String query(Map<String, String> required, String mutated, String mutation) {
        var parts = new ArrayList<String>();
        required.forEach((name, value) -> {
            if (!name.equals(mutated)) {
                parts.add(name + "=" + value);
            }
        });
        parts.add(mutation);
        return "?" + String.join("&", parts);
    }

    private List<HostileCase> bodyCases(Operation op, String uri, String sampleBody) {
        var cases = new ArrayList<HostileCase>();
        JsonNode schema = op.jsonBody().orElseThrow();
        for (var v : mutations.variants(schema, read(sampleBody))) {
            cases.add(HostileCase.of(op, "body " + v.mutation(), Target.field(v.field()), uri, Operation.JSON,
                    HostileCase.utf8(v.json())).refusalRequired(v.mustRefuse()));
        }
        for (String shape : JsonMutations.WRONG_SHAPES) {
            cases.add(HostileCase.of(op, "body " + JsonMutations.abbreviate(shape), Target.shape(), uri, Operation.JSON,
                    HostileCase.utf8(shape)));
        }
        for (String notJson : JsonMutations.NOT_JSON) {
            cases.add(HostileCase.of(op, "body not JSON " + JsonMutations.abbreviate(notJson), Target.none(), uri,
                    Operation.JSON, HostileCase.utf8(notJson)));
        }
        cases.add(HostileCase.of(op, "no body", Target.none(), uri, Operation.JSON, null));
        cases.add(HostileCase.of(op, "invalid UTF-8 body", Target.none(), uri, Operation.JSON,
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}));
        for (String contentType : WRONG_CONTENT_TYPES) {
            cases.add(HostileCase.of(op, "content type '" + contentType + "'", Target.none(), uri,
                    contentType.isEmpty() ? null : contentType, HostileCase.utf8(sampleBody)));
        }
        return cases;
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
