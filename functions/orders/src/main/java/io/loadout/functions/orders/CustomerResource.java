package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.Roles;
import io.loadout.orders.CustomerService;
import io.loadout.orders.OrdersCommands.CustomerChanges;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersViews.CustomerView;
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

/** The seller's customers (the seed's customer list); a CLIENT sees its own, an ADMIN every seller's. */
@Path("/api/orders/customers")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class CustomerResource {

    private final CustomerService customers;
    private final CurrentCaller caller;

    CustomerResource(CustomerService customers, CurrentCaller caller) {
        this.customers = customers;
        this.caller = caller;
    }

    public static class Filter extends PageParams {
        /** In the name, email or phone. */
        @RestQuery
        String q;
    }

    @POST
    public Response create(@Valid @NotNull NewCustomer command) {
        var created = customers.create(caller.get(), command);
        return Response.created(URI.create("/api/orders/customers/" + created.id())).entity(created).build();
    }

    @GET
    public Page<CustomerView> list(@BeanParam Filter filter) {
        return customers.list(caller.get(), filter.q, filter.page());
    }

    @PATCH
    @Path("/{id}")
    public CustomerView change(@PathParam("id") long id, @Valid @NotNull CustomerChanges changes) {
        return customers.change(caller.get(), id, changes);
    }

    @GET
    @Path("/{id}")
    public CustomerView get(@PathParam("id") long id) {
        return customers.get(caller.get(), id);
    }
}
