package io.loadout.allocation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.jobs.Job;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * {@code autofba-pull}: fetches the AutoFBA panel's feed (the webhook's JSON contract) and applies it. The webhook
 * keeps us current; the pull repairs whatever a lost webhook missed. Applying it again changes nothing.
 */
@ApplicationScoped
public class AutoFbaPullJob implements Job {

    public static final String NAME = "autofba-pull";

    private final AllocationConfig config;
    private final ObjectMapper json;
    private final Validator validator;
    private final PartnerSync partners;
    private final PartnerFeed feeds;

    AutoFbaPullJob(AllocationConfig config, ObjectMapper json, Validator validator, PartnerSync partners,
                   PartnerFeed feeds) {
        this.config = config;
        this.json = json;
        this.validator = validator;
        this.partners = partners;
        this.feeds = feeds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JobOutcome run() throws Exception {
        var autofba = config.autofba();
        if (autofba.url().isEmpty()) {
            return new JobOutcome(0, "no AutoFBA endpoint configured (loadout.allocation.autofba.url); nothing pulled");
        }
        byte[] body = feeds.autoFbaFeed(autofba.url().get(), autofba.timeout(), autofba.token());
        var feed = json.readValue(body, AutoFbaFeed.class);
        var violations = validator.validate(feed);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException("the AutoFBA feed is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().limit(5)
                    .collect(java.util.stream.Collectors.joining("; ")), violations);
        }
        var applied = partners.apply(feed);
        return new JobOutcome(applied.clientsChanged() + applied.storesChanged() + applied.entriesBooked(),
                applied.summary());
    }
}
