package io.loadout.testdoubles;

import io.loadout.orders.storefront.StorefrontApi;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Answers the pages a test scripts, for the pull job's own rules (watermark, per-order refusals). HTTP itself — the
 * token header, the Link header, statuses — is tested against a real server in the orders function.
 */
@Singleton
public class ScriptedStorefrontApi implements StorefrontApi {

    private final List<String> pages = new CopyOnWriteArrayList<>();
    /** Every URL asked for. */
    public final List<URI> asked = new CopyOnWriteArrayList<>();

    /** The pages the next pull gets, in order (each but the last points to the next). */
    public void pages(String... bodies) {
        pages.clear();
        pages.addAll(List.of(bodies));
        asked.clear();
    }

    @Override
    public OrdersPage orders(URI url, String token, Duration timeout) throws IOException {
        int index = asked.size();
        asked.add(url);
        if (index >= pages.size()) {
            throw new IOException("no page " + index + " scripted");
        }
        Optional<URI> next = index + 1 < pages.size() ? Optional.of(URI.create("http://storefront.test/next?page=" + (index + 1)))
                : Optional.empty();
        return new OrdersPage(pages.get(index).getBytes(StandardCharsets.UTF_8), next);
    }
}
