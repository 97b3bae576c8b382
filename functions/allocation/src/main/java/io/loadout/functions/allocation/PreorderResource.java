package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.PreorderService;
import io.loadout.allocation.PreorderService.NewPreorder;
import io.loadout.allocation.PreorderService.PreorderChanges;
import io.loadout.allocation.PreorderService.PreorderFilter;
import io.loadout.allocation.PreorderStatus;
import io.loadout.allocation.PreorderView;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestQuery;

/** Preorders: PENDING → CONFIRMED (deposit debited) → ALLOCATED when the stock arrives; CANCELLED refunds. */
@Path("/api/allocation/preorders")
@RolesAllowed(Roles.ADMIN)
public class PreorderResource {

    private final PreorderService preorders;
    private final CurrentCaller caller;

    PreorderResource(PreorderService preorders, CurrentCaller caller) {
        this.preorders = preorders;
        this.caller = caller;
    }

    public static class Filter extends PageParams {
        @RestQuery
        String clientId;
        @RestQuery
        String asin;
        @RestQuery
        String status;

        PreorderFilter filter() {
            return new PreorderFilter(QueryParams.id("clientId", clientId), asin,
                    QueryParams.enumValue("status", status, PreorderStatus.class));
        }
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<PreorderView> list(@BeanParam Filter filter) {
        return preorders.list(filter.filter(), filter.page(), caller.get());
    }

    @POST
    public Response create(@Valid @NotNull NewPreorder preorder) {
        return Response.status(Response.Status.CREATED).entity(preorders.create(preorder, caller.get())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public PreorderView get(@PathParam("id") long id) {
        return preorders.get(id, caller.get());
    }

    @PATCH
    @Path("/{id}")
    public PreorderView change(@PathParam("id") long id, @Valid @NotNull PreorderChanges changes) {
        return preorders.change(id, changes, caller.get());
    }

    @POST
    @Path("/{id}/confirm")
    public PreorderView confirm(@PathParam("id") long id) {
        return preorders.confirm(id, caller.get());
    }

    @POST
    @Path("/{id}/cancel")
    public PreorderView cancel(@PathParam("id") long id) {
        return preorders.cancel(id, caller.get());
    }

    /** Tries again to allocate an ARRIVED preorder (after a deposit or an ungating). */
    @POST
    @Path("/{id}/retry")
    public PreorderView retry(@PathParam("id") long id) {
        return preorders.retry(id, caller.get());
    }
}
