package io.loadout.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.shared.JsonBodies;
import io.loadout.webhook.Partner;
import io.loadout.webhook.WebhookVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;

/**
 * The partners' signed webhooks: the signature is checked against the raw body before anything is read, then
 * the body is parsed, validated (a refusal names the field) and applied, all in one transaction.
 */
@ApplicationScoped
public class PartnerWebhooks {

    static final String UNGATING_SOURCE = "ungating-software";

    private final WebhookVerifier verifier;
    private final JsonBodies bodies;
    private final UngatingService ungating;
    private final PartnerSync partners;

    PartnerWebhooks(WebhookVerifier verifier, JsonBodies bodies, UngatingService ungating, PartnerSync partners) {
        this.verifier = verifier;
        this.bodies = bodies;
        this.ungating = ungating;
        this.partners = partners;
    }

    /** Body: one update {@code {store, asin, status, updatedAt}} or an array of them. */
    @Transactional
    public UngatingService.Result ungating(String signature, byte[] body) {
        verifier.verify(Partner.UNGATING, signature, body);
        JsonNode root = bodies.read(body);
        var updates = new ArrayList<UngatingUpdate>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                updates.add(bodies.valid(bodies.convert(root.get(i), UngatingUpdate.class, "[" + i + "]."), "[" + i + "]."));
            }
        } else {
            updates.add(bodies.valid(bodies.convert(root, UngatingUpdate.class, ""), ""));
        }
        if (updates.isEmpty()) {
            throw new DomainException.InvalidInput("body", "no updates");
        }
        return ungating.apply(updates, root.isArray() ? ItemFields.in("") : ItemFields.SINGLE, UNGATING_SOURCE);
    }

    @Transactional
    public PartnerSync.Applied autofba(String signature, byte[] body) {
        verifier.verify(Partner.AUTOFBA, signature, body);
        return partners.apply(bodies.parse(body, AutoFbaFeed.class));
    }
}
