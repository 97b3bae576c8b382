package io.loadout.orders.storefront;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Port: the storefront's REST API, as the catch-up pull reads it. */
public interface StorefrontApi {

    /** One page of orders: the JSON body ({@code {"orders":[…]}}) and the next page's URL, if the API gave one. */
    record OrdersPage(byte[] body, Optional<URI> next) {
    }

    /**
     * {@code GET url} with the access token; anything but a 200 fails with an {@link IOException} naming the
     * status (never the token), which fails the calling job.
     */
    OrdersPage orders(URI url, String token, Duration timeout) throws IOException, InterruptedException;
}
