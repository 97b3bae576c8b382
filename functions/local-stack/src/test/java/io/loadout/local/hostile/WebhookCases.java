package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.local.hostile.HostileCase.Target;
import io.loadout.webhook.WebhookVerifier;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases for the signed partner webhooks (operations with an {@value WebhookVerifier#HEADER} parameter): malformed
 * signature headers over a good body, and correctly signed bodies of the wrong shape or with bad fields.
 */
final class WebhookCases {

    /**
     * Hand-kept, since the document describes a signed body as raw bytes: the local stack's development secret of
     * each webhook (functions/local-stack application.properties) and a valid body following its README contract.
     */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "/api/allocation/webhooks/ungating", new Partner("local-ungating-secret",
                    "{\"store\":\"%STORE%\",\"asin\":\"%ASIN%\",\"status\":\"YES\",\"updatedAt\":\"%NOW%\"}"),
            "/api/allocation/webhooks/autofba", new Partner("local-autofba-secret", """
                    {"clients":[{"id":"CORPUS-C-9","name":"Corpus webhook client","email":"corpus-wh@example.com",\
                    "updatedAt":"%NOW%","stores":["CORPUS-S-9"]}],\
                    "stores":[{"id":"CORPUS-S-9","name":"Corpus webhook store","mutual":false,"updatedAt":"%NOW%"}],\
                    "entries":[{"id":"CORPUS-E-9","client":"CORPUS-C-9","kind":"DEPOSIT","amount":1.00,\
                    "reference":"corpus","occurredAt":"%NOW%"}]}"""));

    private record Partner(String secret, String bodyTemplate) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookCases() {
    }

    static List<HostileCase> of(Operation op, JsonMutations mutations, String store, String asin) {
        var cases = new ArrayList<HostileCase>();
        Optional<Partner> partner = Optional.ofNullable(PARTNERS.get(op.path()));
        String body = partner.map(p -> p.bodyTemplate().replace("%STORE%", store).replace("%ASIN%", asin)
                .replace("%NOW%", Instant.now().minusSeconds(3600).toString())).orElse("{}");
        String secret = partner.map(Partner::secret).orElse("unknown-secret");
        long now = Instant.now().getEpochSecond();
        String goodOther = WebhookVerifier.signatureHeader(secret, Instant.now(), HostileCase.utf8("{}"));
        List<String> headers = List.of("", "garbage", "t=", "v1=", "t=9223372036854775807,v1=00",
                "t=-9223372036854775808,v1=00", "t=99999999999999999999,v1=00", "t=1.5,v1=00", "t=" + now + ",v1=zz",
                "t=" + now + ",v1=", "t=" + now, ",,,,", "t=" + now + ",v1=" + "0".repeat(64),
                "t=" + now + ",t=" + now + ",v1=00", goodOther,
                WebhookVerifier.signatureHeader(secret, Instant.now().minusSeconds(100_000), HostileCase.utf8(body)),
                "t=" + now + ",v1=" + "a".repeat(10_000));
        for (String header : headers) {
            cases.add(HostileCase.of(op, "signature header " + ParamMutations.label(header), Target.header(WebhookVerifier.HEADER),
                    op.path(), Operation.JSON, HostileCase.utf8(body)).withHeaders(header.isEmpty() ? Map.of()
                    : Map.of(WebhookVerifier.HEADER, header)).as(HostileCase.Caller.NONE));
        }
        if (partner.isEmpty()) {
            return cases;
        }
        for (String shape : JsonMutations.WRONG_SHAPES) {
            cases.add(signed(op, "signed body " + JsonMutations.abbreviate(shape), Target.shape(), shape, secret, false));
        }
        for (String notJson : JsonMutations.NOT_JSON) {
            cases.add(signed(op, "signed body not JSON " + JsonMutations.abbreviate(notJson), Target.none(), notJson, secret, false));
        }
        JsonNode sample = read(body);
        for (var v : mutations.variants(schemaOf(sample), sample)) {
            cases.add(signed(op, "signed " + v.mutation(), Target.field(v.field()), v.json(), secret, false));
        }
        return cases;
    }

    private static HostileCase signed(Operation op, String mutation, Target target, String body, String secret,
                                      boolean refuse) {
        return HostileCase.of(op, mutation, target, op.path(), Operation.JSON, HostileCase.utf8(body))
                .as(HostileCase.Caller.NONE).signedWith(secret).refusalRequired(refuse);
    }

    /** A schema inferred from the sample (strings that parse as instants are date-times), to drive the mutations. */
    private static JsonNode schemaOf(JsonNode sample) {
        var schema = JSON.createObjectNode();
        if (sample.isObject()) {
            schema.put("type", "object");
            var properties = schema.putObject("properties");
            sample.fields().forEachRemaining(f -> properties.set(f.getKey(), schemaOf(f.getValue())));
        } else if (sample.isArray()) {
            schema.put("type", "array");
            schema.set("items", sample.isEmpty() ? JSON.createObjectNode() : schemaOf(sample.get(0)));
        } else if (sample.isNumber()) {
            schema.put("type", sample.isIntegralNumber() ? "integer" : "number");
        } else if (sample.isBoolean()) {
            schema.put("type", "boolean");
        } else {
            schema.put("type", "string");
            if (sample.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
                schema.put("format", "date-time");
            }
        }
        return schema;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
