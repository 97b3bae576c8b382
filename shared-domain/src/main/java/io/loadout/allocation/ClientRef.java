package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Who a client is, as events and mails name it. {@code accountId}: the CLIENT login that owns it, if linked. */
@RegisterForReflection
public record ClientRef(long id, String externalId, String name, String email, Long accountId) {

    /** How alerts about a client name it, so that a login linked later takes them over. */
    public static String audience(long clientId) {
        return "allocation.client:" + clientId;
    }
}
