package io.loadout.adapters.http;

import io.loadout.account.Caller;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** The authenticated {@link Caller} of the current request. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(ApiTokenIdentityProvider.CALLER_ATTRIBUTE);
        if (caller == null) {
            throw new UnauthorizedException("a bearer token is required");
        }
        return caller;
    }
}
