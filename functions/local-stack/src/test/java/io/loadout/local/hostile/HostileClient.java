package io.loadout.local.hostile;

import io.loadout.webhook.WebhookVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends cases to the running stack with a few parallel connections and hands back one outcome per case, in case
 * order (so figures and reports do not depend on scheduling).
 */
final class HostileClient {

    /** What came back; {@code body} is decoded as UTF-8 and cut at 64 KB. */
    record Outcome(HostileCase hostileCase, int status, String contentType, String body) {
        String excerpt() {
            String flat = body.replaceAll("\\s+", " ");
            return flat.length() > 220 ? flat.substring(0, 220) + "…" : flat;
        }
    }

    private static final int PARALLEL = 4;
    private static final int KEEP = 64 * 1024;

    private final URI base;
    private final Map<HostileCase.Caller, String> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Each signed delivery gets its own second within the tolerance, so no two are replays of each other. */

    HostileClient(URI base, Map<HostileCase.Caller, String> tokens) {
        this.base = base;
        this.tokens = tokens;
    }

    /**
     * The cases of one operation run one after another, in order (two concurrent changes of one row may rightly
     * conflict, and the corpus is about input, not races); different operations run in parallel.
     */
    List<Outcome> sendAll(List<HostileCase> cases) {
        var byOperation = new LinkedHashMap<String, List<Integer>>();
        for (int i = 0; i < cases.size(); i++) {
            byOperation.computeIfAbsent(cases.get(i).operation(), k -> new ArrayList<>()).add(i);
        }
        var outcomes = new Outcome[cases.size()];
        var pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            var futures = new ArrayList<Future<?>>();
            for (List<Integer> lane : byOperation.values()) {
                futures.add(pool.submit(() -> lane.forEach(i -> outcomes[i] = send(cases.get(i)))));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return List.of(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    Outcome send(HostileCase c) {
        var request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + c.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        String token = tokens.get(c.caller());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        c.headers().forEach(request::header);
        if (c.signWith() != null) {
            c.signWith().headersFor(c.body() == null ? new byte[0] : c.body()).forEach(request::header);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] bytes = response.body();
            String body = new String(bytes, 0, Math.min(bytes.length, KEEP), StandardCharsets.UTF_8);
            return new Outcome(c, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            // a connection the server closed (e.g. a header line too long) is a refusal, not a crash; say so
            return new Outcome(c, 0, "", "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
