package io.loadout.adapters.http;

import io.loadout.shared.PageRequest;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code ?before=<id>&limit=<n>} of every list ({@code @BeanParam}, or a list's filter extends it); bad values answer 400 naming them. */
public class PageParams {
    @RestQuery
    String before;
    @RestQuery
    String limit;

    public PageRequest page() {
        Long size = QueryParams.id("limit", limit);
        return PageRequest.of(QueryParams.id("before", before), size == null ? null : (int) Math.min(size, Integer.MAX_VALUE));
    }
}
