package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.orders.ItemService;
import io.loadout.orders.OrdersCommands.ItemChanges;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.orders.OrdersViews.ItemView;
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
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/** The seller's items: SKU, name, price and stock, which orders take from and cancellations give back. */
@Path("/api/orders/items")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class ItemResource {

    private final ItemService items;
    private final CurrentCaller caller;

    ItemResource(ItemService items, CurrentCaller caller) {
        this.items = items;
        this.caller = caller;
    }

    public static class Filter extends PageParams {
        /** In the SKU or name. */
        @RestQuery
        String q;
        @RestQuery
        String active;
    }

    @POST
    public Response create(@Valid @NotNull NewItem command) {
        var created = items.create(caller.get(), command);
        return Response.created(URI.create("/api/orders/items/" + created.id())).entity(created).build();
    }

    @GET
    public Page<ItemView> list(@BeanParam Filter filter) {
        return items.list(caller.get(), filter.q, QueryParams.bool("active", filter.active), filter.page());
    }

    @PATCH
    @Path("/{id}")
    public ItemView change(@PathParam("id") long id, @Valid @NotNull ItemChanges changes) {
        return items.change(caller.get(), id, changes);
    }

    @GET
    @Path("/{id}")
    public ItemView get(@PathParam("id") long id) {
        return items.get(caller.get(), id);
    }
}
