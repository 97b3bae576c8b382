package io.loadout.adapters.http;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Resolves a bearer token to an identity whose principal is the account id and whose role is the account's. */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final AccountService accounts;

    ApiTokenIdentityProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.authenticate(request.getToken().getToken())
                .map(ApiTokenIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("unknown, expired or revoked token")));
    }

    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(String.valueOf(caller.accountId())))
                .addRole(caller.role().name())
                .addAttribute(CALLER_ATTRIBUTE, caller)
                .build();
    }
}
