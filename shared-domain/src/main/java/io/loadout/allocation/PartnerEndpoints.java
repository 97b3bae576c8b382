package io.loadout.allocation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** Plain HTTPS GETs of the partners' published data (the sheet's CSV export, the AutoFBA REST endpoint). */
final class PartnerEndpoints {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL) // published Google Sheets CSV links redirect
            .connectTimeout(Duration.ofSeconds(10)).build();

    private PartnerEndpoints() {
    }

    /** The body of a 200 answer; anything else fails the calling job with the status and URL. */
    static byte[] get(URI url, Duration timeout, Optional<String> bearer, String accept) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept).GET();
        bearer.filter(t -> !t.isBlank()).ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url.getHost() + url.getPath() + " answered " + response.statusCode());
        }
        return response.body();
    }
}
