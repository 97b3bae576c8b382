package io.loadout.functions.ops;

import io.loadout.account.Account;
import io.loadout.account.AccountChanges;
import io.loadout.account.AccountService;
import io.loadout.account.ApiToken;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.CurrentCaller;
import io.loadout.account.IssuedToken;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.adapters.http.Roles;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/ops")
public class AccountResource {

    public record AccountView(long id, String name, String email, Role role, boolean active, Instant createdAt,
                              Instant updatedAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id(), a.name(), a.email(), a.role(), a.active(), a.createdAt(), a.updatedAt());
        }
    }

    public record TokenView(long id, long accountId, String label, String prefix, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.accountId(), t.label(), t.prefix(), t.createdAt(), t.expiresAt(),
                    t.lastUsedAt(), t.revokedAt());
        }
    }

    /** The only response that ever carries a token secret. */
    public record IssuedTokenView(TokenView token, String secret) {
        static IssuedTokenView of(IssuedToken issued) {
            return new IssuedTokenView(TokenView.of(issued.token()), issued.secret().value());
        }
    }

    private final AccountService accounts;
    private final CurrentCaller caller;

    AccountResource(AccountService accounts, CurrentCaller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public AccountView me() {
        return AccountView.of(accounts.get(caller.get(), caller.get().accountId()));
    }

    @GET
    @Path("/accounts")
    @RolesAllowed(Roles.ADMIN)
    public Page<AccountView> list(@QueryParam("role") String role, @QueryParam("before") Long before,
                                  @QueryParam("limit") Integer limit) {
        return accounts.list(QueryParams.enumValue("role", role, Role.class), PageRequest.of(before, limit))
                .map(AccountView::of);
    }

    @POST
    @Path("/accounts")
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull NewAccount command) {
        var account = accounts.create(command);
        return Response.created(URI.create("/api/ops/accounts/" + account.id())).entity(AccountView.of(account)).build();
    }

    @GET
    @Path("/accounts/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public AccountView get(@PathParam("id") long id) {
        return AccountView.of(accounts.get(caller.get(), id));
    }

    @PATCH
    @Path("/accounts/{id}")
    @RolesAllowed(Roles.ADMIN)
    public AccountView update(@PathParam("id") long id, @Valid @NotNull AccountChanges changes) {
        return AccountView.of(accounts.update(id, changes));
    }

    @GET
    @Path("/accounts/{id}/tokens")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public List<TokenView> tokens(@PathParam("id") long id) {
        return accounts.tokensOf(caller.get(), id).stream().map(TokenView::of).toList();
    }

    @POST
    @Path("/accounts/{id}/tokens")
    @RolesAllowed(Roles.ADMIN)
    public Response issueToken(@PathParam("id") long id, @Valid @NotNull NewToken command) {
        var issued = accounts.issueToken(id, command);
        return Response.status(Response.Status.CREATED).entity(IssuedTokenView.of(issued)).build();
    }

    @DELETE
    @Path("/tokens/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public TokenView revoke(@PathParam("id") long id) {
        return TokenView.of(accounts.revokeToken(caller.get(), id));
    }
}
