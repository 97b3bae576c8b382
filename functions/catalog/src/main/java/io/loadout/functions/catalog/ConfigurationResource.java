package io.loadout.functions.catalog;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.catalog.CatalogCommands.NewPrice;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogCommands.StatusChange;
import io.loadout.catalog.CatalogExports;
import io.loadout.catalog.CatalogQueries;
import io.loadout.catalog.CatalogService;
import io.loadout.catalog.CatalogViews.Choice;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.catalog.CatalogViews.ConfigView;
import io.loadout.catalog.CatalogViews.EffectivePrice;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.catalog.PriceService;
import io.loadout.shared.Actor;
import io.loadout.shared.ItemFields;
import io.loadout.shared.Page;
import io.loadout.shared.XlsxWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Configurations and their prices (the seed's …/get/config, …/allconfiguration, …/configstatus, …/catalog/price). */
@Path("/api/catalog/configurations")
public class ConfigurationResource {

    private final CatalogService catalog;
    private final CatalogQueries queries;
    private final PriceService prices;
    private final CurrentCaller caller;
    private final Clock clock;

    ConfigurationResource(CatalogService catalog, CatalogQueries queries, PriceService prices, CurrentCaller caller,
                          Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.prices = prices;
        this.caller = caller;
        this.clock = clock;
    }

    /** Each with the price in force now; clients see only saleable ones (whole chain ACTIVE, priced). */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<ConfigInformation> list(@BeanParam ListParams.Configurations params) {
        var filter = params.configFilter();
        return queries.configurations(caller.get().isAdmin() ? filter : filter.saleable(), params.page());
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    @Produces(XlsxWriter.MEDIA_TYPE)
    public Response export(@BeanParam ListParams.Configurations params) {
        var filter = params.configFilter();
        return Xlsx.download("configurations", clock, CatalogExports.CONFIGURATIONS,
                sink -> queries.exportConfigurations(filter, sink));
    }

    @GET
    @Path("/all")
    @RolesAllowed(Roles.ADMIN)
    public List<Choice> all(@QueryParam("catalogId") String catalogId) {
        return queries.allConfigurations(QueryParams.id("catalogId", catalogId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public ConfigView get(@PathParam("id") long id) {
        return catalog.configuration(id);
    }

    @PATCH
    @Path("/{id}/status")
    @RolesAllowed(Roles.ADMIN)
    public ConfigView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        catalog.changeStatus(CatalogService.Level.CONFIGURATION, id, change.status(), Actor.of(caller.get()));
        return catalog.configuration(id);
    }

    /** A new dated price; 409 names the stored price it would overlap ({@code conflictsWith: price/<id>}). */
    @POST
    @Path("/{id}/prices")
    @RolesAllowed(Roles.ADMIN)
    public Response setPrice(@PathParam("id") long id, @Valid @NotNull NewPrice price) {
        var created = prices.setPrices(List.of(new PriceForConfiguration(id, price.price(), price.validFrom(),
                price.validTo())), ItemFields.SINGLE, Actor.of(caller.get())).get(0);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Path("/{id}/prices")
    @RolesAllowed(Roles.ADMIN)
    public List<PriceView> prices(@PathParam("id") long id) {
        catalog.configuration(id);
        return prices.pricesOf(id);
    }

    /** The price in force at {@code at} (default now), computed from the windows. */
    @GET
    @Path("/{id}/effective-price")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public EffectivePrice effectivePrice(@PathParam("id") long id, @QueryParam("at") String at) {
        Instant instant = QueryParams.instant("at", at);
        queries.requireVisibleConfiguration(id, caller.get());
        return prices.effectivePrice(id, instant == null ? clock.instant() : instant);
    }
}
