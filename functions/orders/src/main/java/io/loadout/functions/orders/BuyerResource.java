package io.loadout.functions.orders;

import io.loadout.adapters.http.PageParams;
import io.loadout.orders.BuyerPages.BuyerPage;
import io.loadout.orders.BuyerService;
import io.loadout.orders.BuyerService.LinkRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * What buyers call, without an API token: their page, opened by the link's secret in {@value BuyerService#TOKEN_HEADER}
 * (the buyer page reads it from the URL fragment, so it is in no URL a server or a log sees), and "email me my
 * link". Answers are never cached and never leak a Referer.
 */
@Path("/api/orders/buyer")
public class BuyerResource {

    private final BuyerService buyers;

    BuyerResource(BuyerService buyers) {
        this.buyers = buyers;
    }

    public record Accepted(String status) {
    }

    static final Accepted ACCEPTED = new Accepted(
            "If this address belongs to a customer of this seller, a link to their orders is on its way.");

    @GET
    @PermitAll
    public Response page(@RestHeader(BuyerService.TOKEN_HEADER) String token, @BeanParam PageParams page) {
        BuyerPage view = buyers.page(token, page.page());
        return Response.ok(view).header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
    }

    /** 202 with the same words whether or not the address is a customer's; 429 past 5 requests in 10 minutes. */
    @POST
    @PermitAll
    @Path("/link-requests")
    public Response requestLink(@Valid @NotNull LinkRequest request) {
        buyers.requestLink(request);
        return Response.accepted(ACCEPTED).header("Cache-Control", "no-store").build();
    }
}
