package io.loadout.adapters.jdk;

import io.loadout.allocation.PartnerFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** {@link PartnerFeed} as plain HTTPS GETs of the partners' published URLs. */
@ApplicationScoped
public class HttpPartnerFeed implements PartnerFeed {

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL) // published Google Sheets CSV links redirect
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public byte[] buyingSheet(URI url, Duration timeout) throws IOException, InterruptedException {
        return get(url, timeout, Optional.empty(), "text/csv");
    }

    @Override
    public byte[] autoFbaFeed(URI url, Duration timeout, Optional<String> token) throws IOException, InterruptedException {
        return get(url, timeout, token, "application/json");
    }

    /** The body of a 200 answer; anything else fails with the status and the URL without its query (it may hold a key). */
    private byte[] get(URI url, Duration timeout, Optional<String> bearer, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept).GET();
        bearer.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url.getHost() + url.getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
