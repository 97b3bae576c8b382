package io.loadout.functions.allocation;

import io.loadout.adapters.http.QueryParams;
import io.loadout.shared.PageRequest;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code ?before=<id>&limit=<n>} of every list; bad values answer 400 naming them. */
class Paging {
    @RestQuery
    String before;
    @RestQuery
    String limit;

    PageRequest page() {
        Long size = QueryParams.id("limit", limit);
        return PageRequest.of(QueryParams.id("before", before), size == null ? null : (int) Math.min(size, Integer.MAX_VALUE));
    }
}
