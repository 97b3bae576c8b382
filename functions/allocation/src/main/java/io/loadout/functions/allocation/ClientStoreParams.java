package io.loadout.functions.allocation;

import io.loadout.adapters.http.PageParams;
import io.loadout.adapters.http.QueryParams;
import org.jboss.resteasy.reactive.RestQuery;

/** {@code ?clientId=&storeId=&status=} of the cart and pallet lists, with paging; bad values answer 400 naming them. */
public class ClientStoreParams extends PageParams {
    @RestQuery
    String clientId;
    @RestQuery
    String storeId;
    @RestQuery
    String status;

    Long clientId() {
        return QueryParams.id("clientId", clientId);
    }

    Long storeId() {
        return QueryParams.id("storeId", storeId);
    }

    <E extends Enum<E>> E status(Class<E> type) {
        return QueryParams.enumValue("status", status, type);
    }
}
