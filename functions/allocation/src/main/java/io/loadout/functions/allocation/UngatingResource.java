package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.AllocationQueries;
import io.loadout.allocation.AllocationQueries.AdminTaskView;
import io.loadout.allocation.AllocationQueries.UngatingFilter;
import io.loadout.allocation.AllocationQueries.UngatingHistoryView;
import io.loadout.allocation.AllocationQueries.UngatingView;
import io.loadout.allocation.UngatingService;
import io.loadout.allocation.UngatingStatus;
import io.loadout.allocation.UngatingUpdate;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.shared.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Ungating per store and ASIN: the current status, its history, an admin's own update (one or a list, all or
 * nothing), and the admin tasks that {@code INVOICE_NEEDED} opens.
 */
@Path("/api/allocation")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class UngatingResource {

    private final AllocationQueries queries;
    private final UngatingService ungating;
    private final CurrentCaller caller;
    private final Clock clock;

    UngatingResource(AllocationQueries queries, UngatingService ungating, CurrentCaller caller, Clock clock) {
        this.queries = queries;
        this.ungating = ungating;
        this.caller = caller;
        this.clock = clock;
    }

    /** An admin's update; without {@code updatedAt} it is decided now. */
    public record ManualUngating(@NotBlank @Size(max = 100) String store, @NotBlank String asin,
                                 @NotNull UngatingStatus status, Instant updatedAt) {
    }

    /** The bulk body {@code {"items": [...]}}; a refusal names the item ({@code items[3].status}). */
    public record BulkUngating(@NotEmpty @Size(max = 5000) List<@Valid @NotNull ManualUngating> items) {
    }

    public static class Filter extends PageParams {
        @RestQuery
        String storeId;
        @RestQuery
        String asin;
        @RestQuery
        String status;

        UngatingFilter filter() {
            return new UngatingFilter(QueryParams.id("storeId", storeId), asin,
                    QueryParams.enumValue("status", status, UngatingStatus.class));
        }
    }

    @GET
    @Path("/ungating")
    public Page<UngatingView> list(@BeanParam Filter filter) {
        return queries.ungating(filter.filter(), filter.page(), caller.get());
    }

    @GET
    @Path("/ungating/history")
    public List<UngatingHistoryView> history(@RestQuery String storeId, @RestQuery String asin) {
        Long store = QueryParams.id("storeId", storeId);
        if (store == null) {
            throw new DomainException.InvalidInput("storeId", "storeId is required");
        }
        return queries.ungatingHistory(store, asin == null ? "" : asin, caller.get());
    }

    @POST
    @Path("/ungating")
    @RolesAllowed(Roles.ADMIN)
    public UngatingService.Result update(@Valid @NotNull ManualUngating update) {
        return apply(List.of(update), ItemFields.SINGLE);
    }

    @POST
    @Path("/ungating/bulk")
    @RolesAllowed(Roles.ADMIN)
    public UngatingService.Result bulk(@Valid @NotNull BulkUngating bulk) {
        return apply(bulk.items(), ItemFields.in("items"));
    }

    private UngatingService.Result apply(List<ManualUngating> updates, ItemFields fields) {
        Instant now = clock.instant();
        return ungating.apply(updates.stream().map(u -> new UngatingUpdate(u.store(), u.asin(), u.status(),
                u.updatedAt() == null ? now : u.updatedAt())).toList(), fields, Actor.of(caller.get()).name());
    }

    @GET
    @Path("/admin-tasks")
    @RolesAllowed(Roles.ADMIN)
    public Page<AdminTaskView> tasks(@RestQuery String status, @BeanParam PageParams paging) {
        if (status != null && !List.of("OPEN", "DONE").contains(status)) {
            throw new DomainException.InvalidInput("status", "status must be OPEN or DONE");
        }
        return queries.adminTasks(status, paging.page());
    }

    @POST
    @Path("/admin-tasks/{id}/done")
    @RolesAllowed(Roles.ADMIN)
    public AdminTaskView done(@PathParam("id") long id) {
        return queries.completeTask(id, Actor.of(caller.get()));
    }
}
