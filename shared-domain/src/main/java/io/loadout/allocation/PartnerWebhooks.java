package io.loadout.allocation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.shared.DomainException;
import io.loadout.shared.FieldPaths;
import io.loadout.shared.ItemFields;
import io.loadout.shared.JsonRefusals;
import io.loadout.webhook.Partner;
import io.loadout.webhook.WebhookVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;

/**
 * The partners' signed webhooks: the signature is checked against the raw body before anything is read, then
 * the body is parsed, validated (a refusal names the field) and applied, all in one transaction.
 */
@ApplicationScoped
public class PartnerWebhooks {

    static final String UNGATING_SOURCE = "ungating-software";

    private final WebhookVerifier verifier;
    private final ObjectMapper json;
    private final Validator validator;
    private final UngatingService ungating;
    private final PartnerSync partners;

    PartnerWebhooks(WebhookVerifier verifier, ObjectMapper json, Validator validator, UngatingService ungating,
                    PartnerSync partners) {
        this.verifier = verifier;
        this.json = json;
        this.validator = validator;
        this.ungating = ungating;
        this.partners = partners;
    }

    /** Body: one update {@code {store, asin, status, updatedAt}} or an array of them. */
    @Transactional
    public UngatingService.Result ungating(String signature, byte[] body) {
        verifier.verify(Partner.UNGATING, signature, body);
        JsonNode root = read(body);
        var updates = new ArrayList<UngatingUpdate>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                updates.add(valid(convert(root.get(i), UngatingUpdate.class, "[" + i + "]."), "[" + i + "]."));
            }
        } else {
            updates.add(valid(convert(root, UngatingUpdate.class, ""), ""));
        }
        if (updates.isEmpty()) {
            throw new DomainException.InvalidInput("body", "no updates");
        }
        return ungating.apply(updates, root.isArray() ? ItemFields.in("") : ItemFields.SINGLE, UNGATING_SOURCE);
    }

    @Transactional
    public PartnerSync.Applied autofba(String signature, byte[] body) {
        verifier.verify(Partner.AUTOFBA, signature, body);
        return partners.apply(valid(convert(read(body), AutoFbaFeed.class, ""), ""));
    }

    private JsonNode read(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new DomainException.InvalidInput("body", "body is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new DomainException.InvalidInput("body", "body is not valid JSON");
        } catch (IOException e) {
            throw new DomainException.InvalidInput("body", "body is unreadable");
        }
    }

    /** Refusals name the JSON path at fault and say what it must be, never Jackson's own words (class names). */
    private <T> T convert(JsonNode node, Class<T> type, String prefix) {
        String at = fieldName(prefix);
        if (!node.isObject()) {
            throw new DomainException.InvalidInput(at, at + " must be a JSON object");
        }
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String path = JsonRefusals.path(e);
            String field = path == null ? at : fieldName(prefix + path);
            throw new DomainException.InvalidInput(field, field + " " + JsonRefusals.reason(e));
        }
    }

    /** {@code [2].} (the whole item) reads {@code [2]}; nothing reads {@code body}. */
    private static String fieldName(String path) {
        String field = path.endsWith(".") ? path.substring(0, path.length() - 1) : path;
        return field.isEmpty() ? "body" : field;
    }

    private <T> T valid(T value, String prefix) {
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            var first = violations.stream().sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .findFirst().orElseThrow();
            String path = FieldPaths.of(first);
            String field = fieldName(prefix + (path == null ? "" : path));
            throw new DomainException.InvalidInput(field, field + " " + first.getMessage());
        }
        return value;
    }
}
