package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.AllocationQueries;
import io.loadout.allocation.AllocationQueries.CartFilter;
import io.loadout.allocation.AllocationQueries.CartSummary;
import io.loadout.allocation.CartService;
import io.loadout.allocation.CartStatus;
import io.loadout.allocation.CartView;
import io.loadout.shared.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;

/** Carts: generate a draft for an amount, confirm it (units reserved, balance debited), cancel it (refunded). */
@Path("/api/allocation/carts")
@RolesAllowed(Roles.ADMIN)
public class CartResource {

    private final CartService carts;
    private final AllocationQueries queries;
    private final CurrentCaller caller;

    CartResource(CartService carts, AllocationQueries queries, CurrentCaller caller) {
        this.carts = carts;
        this.queries = queries;
        this.caller = caller;
    }

    public record CartRequest(@NotNull Long clientId, @NotNull Long storeId,
                              @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<CartSummary> list(@BeanParam ClientStoreParams params) {
        var filter = new CartFilter(params.clientId(), params.storeId(), params.status(CartStatus.class));
        return queries.carts(filter, params.page(), caller.get());
    }

    /** A draft cart; when the amount is more than the client can spend, {@code shortfall} says by how much. */
    @POST
    @Path("/generate")
    public Response generate(@Valid @NotNull CartRequest request) {
        var generated = carts.generate(request.clientId(), request.storeId(), request.amount(), caller.get());
        return Response.status(Response.Status.CREATED).entity(generated).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public CartView get(@PathParam("id") long id) {
        return carts.get(id, caller.get());
    }

    @POST
    @Path("/{id}/confirm")
    public CartView confirm(@PathParam("id") long id) {
        return carts.confirm(id, caller.get());
    }

    @POST
    @Path("/{id}/cancel")
    public CartView cancel(@PathParam("id") long id) {
        return carts.cancel(id, caller.get());
    }
}
