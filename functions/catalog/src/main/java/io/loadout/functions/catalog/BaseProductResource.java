package io.loadout.functions.catalog;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogCommands.StatusChange;
import io.loadout.catalog.CatalogExports;
import io.loadout.catalog.CatalogQueries;
import io.loadout.catalog.CatalogService;
import io.loadout.catalog.CatalogViews.BaseProductView;
import io.loadout.catalog.CatalogViews.Choice;
import io.loadout.catalog.CatalogViews.VersionView;
import io.loadout.shared.Actor;
import io.loadout.shared.Page;
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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Base products and their versions (the seed's /product/add|get/baseproduct…, …/version, …/baseproductstatus). */
@Path("/api/catalog/base-products")
@RolesAllowed(Roles.ADMIN)
public class BaseProductResource {

    private final CatalogService catalog;
    private final CatalogQueries queries;
    private final CurrentCaller caller;
    private final Clock clock;

    BaseProductResource(CatalogService catalog, CatalogQueries queries, CurrentCaller caller, Clock clock) {
        this.catalog = catalog;
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    public Response create(@Valid @NotNull NewBaseProduct command) {
        var created = catalog.createBaseProduct(command, Actor.of(caller.get()));
        return Response.created(URI.create("/api/catalog/base-products/" + created.id())).entity(created).build();
    }

    @GET
    public Page<BaseProductView> list(@BeanParam ListParams.BaseProducts params) {
        return queries.baseProducts(params.filter(), params.page());
    }

    @GET
    @Path("/export")
    @Produces(io.loadout.shared.XlsxWriter.MEDIA_TYPE)
    public Response export(@BeanParam ListParams.BaseProducts params) {
        var filter = params.filter();
        return Xlsx.download("base-products", clock, CatalogExports.BASE_PRODUCTS, sink -> queries.exportBaseProducts(filter, sink));
    }

    @GET
    @Path("/all")
    public List<Choice> all() {
        return queries.allBaseProducts();
    }

    @GET
    @Path("/{id}")
    public BaseProductView get(@PathParam("id") long id) {
        return catalog.baseProduct(id);
    }

    @PATCH
    @Path("/{id}/status")
    public BaseProductView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        catalog.changeStatus(CatalogService.Level.BASE_PRODUCT, id, change.status(), Actor.of(caller.get()));
        return catalog.baseProduct(id);
    }

    @POST
    @Path("/{id}/versions")
    public Response addVersion(@PathParam("id") long id, @Valid @NotNull NewVersion command) {
        var created = catalog.addVersion(id, command, Actor.of(caller.get()));
        return Response.created(URI.create("/api/catalog/versions/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}/versions")
    public List<VersionView> versions(@PathParam("id") long id) {
        catalog.baseProduct(id);
        return catalog.versions(id);
    }
}
