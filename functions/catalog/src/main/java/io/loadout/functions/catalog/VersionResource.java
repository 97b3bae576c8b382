package io.loadout.functions.catalog;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.catalog.CatalogCommands.StatusChange;
import io.loadout.catalog.CatalogQueries;
import io.loadout.catalog.CatalogService;
import io.loadout.catalog.CatalogViews.Choice;
import io.loadout.catalog.CatalogViews.VersionView;
import io.loadout.shared.Actor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/** Versions (the seed's /product/get/allversion); they are created under their base product. */
@Path("/api/catalog/versions")
@RolesAllowed(Roles.ADMIN)
public class VersionResource {

    private final CatalogService catalog;
    private final CatalogQueries queries;
    private final CurrentCaller caller;

    VersionResource(CatalogService catalog, CatalogQueries queries, CurrentCaller caller) {
        this.catalog = catalog;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/all")
    public List<Choice> all(@QueryParam("baseProductId") String baseProductId) {
        return queries.allVersions(QueryParams.id("baseProductId", baseProductId));
    }

    @GET
    @Path("/{id}")
    public VersionView get(@PathParam("id") long id) {
        return catalog.version(id);
    }

    @PATCH
    @Path("/{id}/status")
    public VersionView changeStatus(@PathParam("id") long id, @Valid @NotNull StatusChange change) {
        catalog.changeStatus(CatalogService.Level.VERSION, id, change.status(), Actor.of(caller.get()));
        return catalog.version(id);
    }
}
