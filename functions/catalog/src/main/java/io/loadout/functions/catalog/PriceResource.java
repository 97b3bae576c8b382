package io.loadout.functions.catalog;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.catalog.CatalogCommands.BulkPrices;
import io.loadout.catalog.CatalogExports;
import io.loadout.catalog.CatalogQueries;
import io.loadout.catalog.CatalogViews.PriceDetail;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.catalog.PriceService;
import io.loadout.shared.Actor;
import io.loadout.shared.Page;
import io.loadout.shared.XlsxWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/** Prices across configurations (the seed's /product/get/catalog/price and "set prices multiple at a time"). */
@Path("/api/catalog/prices")
@RolesAllowed(Roles.ADMIN)
public class PriceResource {

    private final PriceService prices;
    private final CatalogQueries queries;
    private final CurrentCaller caller;
    private final Clock clock;

    PriceResource(PriceService prices, CatalogQueries queries, CurrentCaller caller, Clock clock) {
        this.prices = prices;
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    public Page<PriceDetail> list(@BeanParam ListParams.Prices params) {
        return queries.prices(params.filter(), params.page());
    }

    @GET
    @Path("/export")
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response export(@BeanParam ListParams.Prices params) {
        var filter = params.filter();
        return Xlsx.download("prices", clock, CatalogExports.PRICES, sink -> queries.exportPrices(filter, sink));
    }

    /** Prices for many configurations, all or nothing; a refusal names the item ({@code items[3].validFrom}). */
    @POST
    @Path("/bulk")
    public Response setMany(@Valid @NotNull BulkPrices bulk) {
        List<PriceView> created = prices.setPrices(bulk.items(), Actor.of(caller.get()));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Withdraws a price: it never applies again and its window is free. */
    @POST
    @Path("/{id}/disable")
    public PriceView disable(@PathParam("id") long id) {
        return prices.disable(id, Actor.of(caller.get()));
    }
}
