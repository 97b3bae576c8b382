package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.orders.BuyerLinkService;
import io.loadout.orders.BuyerLinkService.LinkStatus;
import io.loadout.orders.BuyerLinks.LinkView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * A customer's private buyer link (ADR 0026), as the seller manages it: issuing one ends every earlier link at
 * once (rotation) and shows the new secret in this answer only; revoking ends them all.
 */
@Path("/api/orders/customers/{id}/buyer-link")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class BuyerLinkResource {

    private final BuyerLinkService links;
    private final CurrentCaller caller;

    BuyerLinkResource(BuyerLinkService links, CurrentCaller caller) {
        this.links = links;
        this.caller = caller;
    }

    /** The one answer that holds the secret: {@code url} is the buyer page with the secret as its fragment. */
    public record IssuedLink(LinkView link, String url, String token) {
    }

    @POST
    public Response rotate(@PathParam("id") long customerId) {
        var issued = links.rotate(caller.get(), customerId);
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedLink(issued.link(), issued.url(), issued.secret().value()))
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public LinkStatus status(@PathParam("id") long customerId) {
        return links.status(caller.get(), customerId);
    }

    @DELETE
    public LinkStatus revoke(@PathParam("id") long customerId) {
        return links.revoke(caller.get(), customerId);
    }
}
