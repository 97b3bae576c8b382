package io.loadout.functions.ops;

import io.loadout.account.AccountService;
import io.loadout.shared.DomainException;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin of a fresh deployment and returns its token once. Needs the deployment's bootstrap
 * secret (Secret Manager → LOADOUT_BOOTSTRAP_SECRET); refused once any admin exists or when no secret is set.
 */
@Path("/api/ops/bootstrap")
public class BootstrapResource {

    private final AccountService accounts;
    private final Optional<String> secret;

    BootstrapResource(AccountService accounts, @ConfigProperty(name = "loadout.bootstrap-secret") Optional<String> secret) {
        this.accounts = accounts;
        this.secret = secret;
    }

    @POST
    @PermitAll
    public Response bootstrap(@HeaderParam("X-Bootstrap-Secret") String presented) {
        if (secret.isEmpty() || presented == null || !MessageDigest.isEqual(
                secret.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException("wrong or missing bootstrap secret");
        }
        var issued = accounts.bootstrapAdmin()
                .orElseThrow(() -> new DomainException.Conflict(null, "an admin account already exists"));
        return Response.status(Response.Status.CREATED).entity(AccountResource.IssuedTokenView.of(issued)).build();
    }
}
