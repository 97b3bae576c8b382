package io.loadout.functions.allocation;

import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.AllocationQueries;
import io.loadout.allocation.AllocationQueries.LotFilter;
import io.loadout.allocation.AllocationQueries.LotView;
import io.loadout.shared.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestQuery;

/** Inventory lots from the buying sheet (the seed's {@code GET /api/asins}). */
@Path("/api/allocation/lots")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class LotResource {

    private final AllocationQueries queries;

    LotResource(AllocationQueries queries) {
        this.queries = queries;
    }

    public static class Params extends PageParams {
        @RestQuery
        String asin;
        @RestQuery
        String minAgeDays;
        @RestQuery
        String maxAgeDays;
        @RestQuery
        String available;

        LotFilter filter() {
            return new LotFilter(asin, QueryParams.count("minAgeDays", minAgeDays),
                    QueryParams.count("maxAgeDays", maxAgeDays), QueryParams.bool("available", available));
        }
    }

    @GET
    public Page<LotView> list(@BeanParam Params params) {
        return queries.lots(params.filter(), params.page());
    }
}
