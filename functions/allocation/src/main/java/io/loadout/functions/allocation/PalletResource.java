package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.AllocationQueries;
import io.loadout.allocation.AllocationQueries.PalletFilter;
import io.loadout.allocation.AllocationQueries.PalletSummary;
import io.loadout.allocation.PalletManifest;
import io.loadout.allocation.PalletService;
import io.loadout.allocation.PalletStatus;
import io.loadout.allocation.PalletView;
import io.loadout.shared.Page;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Pallets (the seed's {@code POST /generate_pallets}): generate drafts for a client's store, confirm (shipping
 * debited), mark shipped, and the manifest as CSV or a printable page.
 */
@Path("/api/allocation/pallets")
@RolesAllowed(Roles.ADMIN)
public class PalletResource {

    private final PalletService pallets;
    private final AllocationQueries queries;
    private final CurrentCaller caller;
    private final Clock clock;

    PalletResource(PalletService pallets, AllocationQueries queries, CurrentCaller caller, Clock clock) {
        this.pallets = pallets;
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    public record PalletRequest(@NotNull Long clientId, @NotNull Long storeId) {
    }

    /** Without {@code shippedOn}, shipped today. */
    public record Shipment(LocalDate shippedOn) {
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<PalletSummary> list(@BeanParam ClientStoreParams params) {
        var filter = new PalletFilter(params.clientId(), params.storeId(), params.status(PalletStatus.class));
        return queries.pallets(filter, params.page(), caller.get());
    }

    /** Replaces the client's draft pallets for the store; kept-back pallets come with what they lack. */
    @POST
    @Path("/generate")
    public Response generate(@Valid @NotNull PalletRequest request) {
        var generated = pallets.generate(request.clientId(), request.storeId(), caller.get());
        return Response.status(Response.Status.CREATED).entity(generated).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public PalletView get(@PathParam("id") long id) {
        return pallets.get(id, caller.get());
    }

    /**
     * {@code acceptTopUps=true}: the admin accepts the goods a pallet's top-ups add beyond the client's carts;
     * without it a pallet with top-ups is refused (409 naming {@code acceptTopUps}).
     */
    @POST
    @Path("/{id}/confirm")
    public PalletView confirm(@PathParam("id") long id, @RestQuery String acceptTopUps) {
        return pallets.confirm(id, Boolean.TRUE.equals(QueryParams.bool("acceptTopUps", acceptTopUps)), caller.get());
    }

    @POST
    @Path("/{id}/ship")
    public PalletView ship(@PathParam("id") long id, Shipment shipment) {
        var on = shipment == null || shipment.shippedOn() == null ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                : shipment.shippedOn();
        return pallets.markShipped(id, on, caller.get());
    }

    @GET
    @Path("/{id}/manifest.csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Response manifestCsv(@PathParam("id") long id) {
        var pallet = pallets.get(id, caller.get());
        return Response.ok(PalletManifest.csv(pallet)).type("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + pallet.code() + ".csv\"").build();
    }

    @GET
    @Path("/{id}/manifest.html")
    @Produces("text/html")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Response manifestHtml(@PathParam("id") long id) {
        return Response.ok(PalletManifest.html(pallets.get(id, caller.get()))).type("text/html; charset=utf-8").build();
    }
}
