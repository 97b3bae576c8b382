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
 * Cases for the signed partner webhooks (operations with a signature header parameter, {@value WebhookVerifier#HEADER}
 * or the storefront's): malformed signature headers over a good body, and correctly signed bodies of the wrong
 * shape or with bad fields.
 */
final class WebhookCases {

    /**
     * Hand-kept, since the document describes a signed body as raw bytes: the local stack's development secret of
     * each webhook (functions/local-stack application.properties), how its partner signs, and a valid body
     * following its README contract.
     */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "/api/allocation/webhooks/ungating", new Partner(Signer.loadout("local-ungating-secret"),
                    "{\"store\":\"%STORE%\",\"asin\":\"%ASIN%\",\"status\":\"YES\",\"updatedAt\":\"%NOW%\"}"),
            "/api/allocation/webhooks/autofba", new Partner(Signer.loadout("local-autofba-secret"), """
                    {"clients":[{"id":"CORPUS-C-9","name":"Corpus webhook client","email":"corpus-wh@example.com",\
                    "updatedAt":"%NOW%","stores":["CORPUS-S-9"]}],\
                    "stores":[{"id":"CORPUS-S-9","name":"Corpus webhook store","mutual":false,"updatedAt":"%NOW%"}],\
                    "entries":[{"id":"CORPUS-E-9","client":"CORPUS-C-9","kind":"DEPOSIT","amount":1.00,\
                    "reference":"corpus","occurredAt":"%NOW%"}]}"""),
            "/api/orders/webhooks/storefront", new Partner(Signer.storefront("local-storefront-secret", "orders/updated"), """
                    {"id":424242,"name":"#CORPUS-1","email":"corpus-sf@example.com","updated_at":"%NOW%",\
                    "financial_status":"partially_paid","total_price":"25.00","total_outstanding":"5.00","total_tax":"1.00",\
                    "customer":{"id":434343,"email":"corpus-sf@example.com","first_name":"Corpus","last_name":"Buyer",\
                    "phone":"+44 20 7946 0001","updated_at":"%NOW%"},\
                    "line_items":[{"title":"Corpus lamp","sku":"CL-1","quantity":2,"price":"9.50"}],\
                    "shipping_lines":[{"price":"5.00"}],\
                    "fulfillments":[{"tracking_company":"DPD","tracking_number":"CORPUS-T-1","tracking_url":"https://t.example/1"}]}"""));

    private record Partner(Signer signer, String bodyTemplate) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookCases() {
    }

    static List<HostileCase> of(Operation op, JsonMutations mutations, String store, String asin) {
        var cases = new ArrayList<HostileCase>();
        Optional<Partner> partner = Optional.ofNullable(PARTNERS.get(op.path()));
        String body = partner.map(p -> p.bodyTemplate().replace("%STORE%", store).replace("%ASIN%", asin)
                .replace("%NOW%", Instant.now().minusSeconds(3600).toString())).orElse("{}");
        String header = op.signatureHeader();
        for (String value : badSignatures(header, partner.map(Partner::signer), body)) {
            cases.add(HostileCase.of(op, "signature header " + ParamMutations.label(value), Target.header(header),
                    op.path(), Operation.JSON, HostileCase.utf8(body)).withHeaders(value.isEmpty() ? Map.of()
                    : Map.of(header, value)).as(HostileCase.Caller.NONE));
        }
        if (partner.isEmpty()) {
            return cases;
        }
        Signer signer = partner.get().signer();
        for (String shape : JsonMutations.WRONG_SHAPES) {
            cases.add(signed(op, "signed body " + JsonMutations.abbreviate(shape), Target.shape(), shape, signer));
        }
        for (String notJson : JsonMutations.NOT_JSON) {
            cases.add(signed(op, "signed body not JSON " + JsonMutations.abbreviate(notJson), Target.none(), notJson, signer));
        }
        JsonNode sample = read(body);
        for (var v : mutations.variants(schemaOf(sample), sample)) {
            cases.add(signed(op, "signed " + v.mutation(), Target.field(v.field()), v.json(), signer));
        }
        return cases;
    }

    /** Signature headers no partner would send for this body: malformed, for another body, stale, enormous. */
    private static List<String> badSignatures(String header, Optional<Signer> signer, String body) {
        if (header.equalsIgnoreCase(WebhookVerifier.HEADER)) {
            long now = Instant.now().getEpochSecond();
            String secret = "unknown-secret";
            return List.of("", "garbage", "t=", "v1=", "t=9223372036854775807,v1=00",
                    "t=-9223372036854775808,v1=00", "t=99999999999999999999,v1=00", "t=1.5,v1=00", "t=" + now + ",v1=zz",
                    "t=" + now + ",v1=", "t=" + now, ",,,,", "t=" + now + ",v1=" + "0".repeat(64),
                    "t=" + now + ",t=" + now + ",v1=00",
                    signer.map(s -> s.headersFor(HostileCase.utf8("{}")).get(header)).orElse(
                            WebhookVerifier.signatureHeader(secret, Instant.now(), HostileCase.utf8("{}"))),
                    WebhookVerifier.signatureHeader(secret, Instant.now().minusSeconds(100_000), HostileCase.utf8(body)),
                    "t=" + now + ",v1=" + "a".repeat(10_000));
        }
        String forOther = signer.map(s -> s.headersFor(HostileCase.utf8("{}")).get(header)).orElse("AAAA");
        return List.of("", "garbage", "====", "not base64!", "A".repeat(44), forOther, "a".repeat(10_000));
    }

    private static HostileCase signed(Operation op, String mutation, Target target, String body, Signer signer) {
        return HostileCase.of(op, mutation, target, op.path(), Operation.JSON, HostileCase.utf8(body))
                .as(HostileCase.Caller.NONE).signedWith(signer).refusalRequired(false);
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
