package io.loadout.adapters.jdk;

import io.loadout.orders.storefront.StorefrontApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link StorefrontApi} over {@code java.net.http}: the access token in {@code X-Shopify-Access-Token}, the next
 * page from the {@code Link: <…>; rel="next"} header (cursor pagination).
 */
@ApplicationScoped
public class HttpStorefrontApi implements StorefrontApi {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public OrdersPage orders(URI url, String token, Duration timeout) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET();
        if (!token.isBlank()) {
            request.header("X-Shopify-Access-Token", token);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url.getHost() + url.getPath() + " answered " + response.statusCode());
        }
        Optional<URI> next = response.headers().allValues("Link").stream()
                .flatMap(link -> NEXT.matcher(link).results()).map(m -> URI.create(m.group(1))).findFirst();
        return new OrdersPage(response.body(), next);
    }
}
