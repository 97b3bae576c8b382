package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.AllocationQueries;
import io.loadout.allocation.AllocationQueries.ClientView;
import io.loadout.allocation.AllocationQueries.LedgerEntryView;
import io.loadout.allocation.AllocationQueries.StoreView;
import io.loadout.shared.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Clients (from the AutoFBA panel) with their balance, the amount held by unexpired draft carts and what is left to
 * spend; their ledger; the stores. A CLIENT login sees the clients linked to it.
 */
@Path("/api/allocation")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class ClientResource {

    private final AllocationQueries queries;
    private final CurrentCaller caller;

    ClientResource(AllocationQueries queries, CurrentCaller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    public record AccountLink(Long accountId) {
    }

    /** {@code negative=true}: only the clients below zero (see {@code GET /balances/summary}). */
    @GET
    @Path("/clients")
    public Page<ClientView> clients(@RestQuery String q, @RestQuery String negative, @BeanParam PageParams paging) {
        return queries.clients(q, Boolean.TRUE.equals(QueryParams.bool("negative", negative)), paging.page(),
                caller.get());
    }

    /** Dashboard figures: clients, how many are below zero and their total. */
    @GET
    @Path("/balances/summary")
    @RolesAllowed(Roles.ADMIN)
    public AllocationQueries.BalanceSummary balanceSummary() {
        return queries.balanceSummary();
    }

    @GET
    @Path("/clients/{id}")
    public ClientView client(@PathParam("id") long id) {
        return queries.client(id, caller.get());
    }

    /** Links the client to a login ({@code accountId: null} unlinks it). */
    @PUT
    @Path("/clients/{id}/account")
    @RolesAllowed(Roles.ADMIN)
    public ClientView link(@PathParam("id") long id, @NotNull AccountLink link) {
        return queries.linkAccount(id, link.accountId(), caller.get());
    }

    @GET
    @Path("/clients/{id}/ledger")
    public Page<LedgerEntryView> ledger(@PathParam("id") long id, @BeanParam PageParams paging) {
        return queries.ledger(id, paging.page(), caller.get());
    }

    @GET
    @Path("/stores")
    public Page<StoreView> stores(@BeanParam PageParams paging) {
        return queries.stores(paging.page(), caller.get());
    }
}
