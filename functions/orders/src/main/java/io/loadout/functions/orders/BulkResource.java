package io.loadout.functions.orders;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.functions.orders.OrderResource.OrderShipped;
import io.loadout.functions.orders.OrderResource.PaymentRecorded;
import io.loadout.orders.OrderService;
import io.loadout.orders.OrderService.OrderToShip;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;

/** Many orders in one call, all or nothing: a refusal names the item ({@code items[3].trackingId}) and changes none. */
@Path("/api/orders/bulk")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class BulkResource {

    private final OrderService orders;
    private final CurrentCaller caller;

    BulkResource(OrderService orders, CurrentCaller caller) {
        this.orders = orders;
        this.caller = caller;
    }

    public record OrderRef(@NotNull Long orderId) {
    }

    public record Remit(@NotEmpty @Size(max = OrderService.BULK_MAX) List<@NotNull @Valid OrderRef> items) {
    }

    public record Ship(@NotEmpty @Size(max = OrderService.BULK_MAX) List<@NotNull @Valid OrderToShip> items) {
    }

    @POST
    @Path("/remit")
    public List<PaymentRecorded> remit(@Valid @NotNull Remit request) {
        return orders.markRemittedAll(caller.get(), request.items().stream().map(OrderRef::orderId).toList()).stream()
                .map(paid -> new PaymentRecorded(paid.order(), paid.payment())).toList();
    }

    @POST
    @Path("/ship")
    public List<OrderShipped> ship(@Valid @NotNull Ship request) {
        return orders.shipAll(caller.get(), request.items()).stream()
                .map(shipped -> new OrderShipped(shipped.order(), shipped.shipment())).toList();
    }
}
