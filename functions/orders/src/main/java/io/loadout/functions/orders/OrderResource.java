package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.orders.OrderFilter;
import io.loadout.orders.OrderQueries;
import io.loadout.orders.OrderQueries.OrderRow;
import io.loadout.orders.OrderQueries.StatusCounts;
import io.loadout.orders.OrderService;
import io.loadout.orders.OrderStatus;
import io.loadout.orders.OrdersCommands.NewLines;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersCommands.ShipOrder;
import io.loadout.orders.OrdersViews.OrderView;
import io.loadout.orders.OrdersViews.PaymentView;
import io.loadout.orders.PaymentStatus;
import io.loadout.shared.Page;
import io.loadout.shipping.ShipmentView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The seller's orders (the seed's order table): place, pay, mark remitted, ship, deliver, cancel. Totals are the
 * server's: a {@code total} in the body is not a field of the order and is ignored (README).
 */
@Path("/api/orders")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class OrderResource {

    private final OrderService orders;
    private final OrderQueries queries;
    private final CurrentCaller caller;

    OrderResource(OrderService orders, OrderQueries queries, CurrentCaller caller) {
        this.orders = orders;
        this.queries = queries;
        this.caller = caller;
    }

    /** The order table's filter; {@code from}/{@code to} are order dates (UTC), {@code q} in number, customer, tracking id. */
    public static class Filter extends PageParams {
        @RestQuery
        String customerId;
        @RestQuery
        String status;
        @RestQuery
        String paymentStatus;
        @RestQuery
        String from;
        @RestQuery
        String to;
        @RestQuery
        String q;

        OrderFilter filter() {
            return new OrderFilter(QueryParams.id("customerId", customerId),
                    QueryParams.enumValue("status", status, OrderStatus.class),
                    QueryParams.enumValue("paymentStatus", paymentStatus, PaymentStatus.class),
                    QueryParams.date("from", from), QueryParams.date("to", to), q);
        }
    }

    /** A payment and the order it leaves. */
    public record PaymentRecorded(OrderView order, PaymentView payment) {
    }

    /** A shipped order and its shipment. */
    public record OrderShipped(OrderView order, ShipmentView shipment) {
    }

    @POST
    public Response place(@Valid @NotNull NewOrder command) {
        var placed = orders.place(caller.get(), command);
        return Response.created(URI.create("/api/orders/" + placed.id())).entity(placed).build();
    }

    @GET
    public Page<OrderRow> list(@BeanParam Filter filter) {
        return queries.list(caller.get(), filter.filter(), filter.page());
    }

    /** The figures of the status tabs, for the same filter as the list. */
    @GET
    @Path("/counts")
    public StatusCounts counts(@BeanParam Filter filter) {
        return queries.counts(caller.get(), filter.filter());
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") long id) {
        return orders.get(caller.get(), id);
    }

    /** A pending order's lines, replaced: stock moves by the difference, the totals are computed again. */
    @PUT
    @Path("/{id}/lines")
    public OrderView changeLines(@PathParam("id") long id, @Valid @NotNull NewLines lines) {
        return orders.changeLines(caller.get(), id, lines);
    }

    @POST
    @Path("/{id}/cancel")
    public OrderView cancel(@PathParam("id") long id) {
        return orders.cancel(caller.get(), id);
    }

    @GET
    @Path("/{id}/payments")
    public List<PaymentView> payments(@PathParam("id") long id) {
        return orders.payments(caller.get(), id);
    }

    @POST
    @Path("/{id}/payments")
    public Response pay(@PathParam("id") long id, @Valid @NotNull NewPayment payment) {
        var paid = orders.pay(caller.get(), id, payment);
        return Response.status(Response.Status.CREATED).entity(new PaymentRecorded(paid.order(), paid.payment())).build();
    }

    /** The seed's "mark remitted": what is outstanding, recorded as paid today. */
    @POST
    @Path("/{id}/remit")
    public PaymentRecorded remit(@PathParam("id") long id) {
        var paid = orders.markRemitted(caller.get(), id);
        return new PaymentRecorded(paid.order(), paid.payment());
    }

    @POST
    @Path("/{id}/ship")
    public OrderShipped ship(@PathParam("id") long id, @Valid @NotNull ShipOrder shipping) {
        var shipped = orders.ship(caller.get(), id, shipping);
        return new OrderShipped(shipped.order(), shipped.shipment());
    }

    @POST
    @Path("/{id}/deliver")
    public OrderView deliver(@PathParam("id") long id) {
        return orders.deliver(caller.get(), id);
    }
}
