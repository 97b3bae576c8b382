package io.loadout.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server standing in for the partners we poll: the buying sheet's published CSV
 * ({@value #SHEET_PATH}) and the AutoFBA feed ({@value #AUTOFBA_PATH}, which requires the bearer token
 * {@value #AUTOFBA_TOKEN}). Tests set what each path answers; the application is configured with the URLs.
 */
public class PartnerPeer implements QuarkusTestResourceLifecycleManager {

    public static final String SHEET_PATH = "/sheet.csv";
    public static final String AUTOFBA_PATH = "/autofba/feed";
    public static final String AUTOFBA_TOKEN = "peer-token";
    /** The storefront's REST API root; its {@code /orders.json} answers the pages set by {@link #storefrontPages}. */
    public static final String STOREFRONT_API = "/storefront/admin/api/2025-01";
    public static final String STOREFRONT_TOKEN = "peer-storefront-token";
    private static final List<String> STOREFRONT_PAGES = new CopyOnWriteArrayList<>();

    public record Answer(int status, String contentType, String body) {
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<String, String> REDIRECTS = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    public static void answer(String path, int status, String contentType, String body) {
        ANSWERS.put(path, new Answer(status, contentType, body));
        REDIRECTS.remove(path);
    }

    /** Answers {@code path} with a 302 to {@code target} (published Google Sheets links redirect like this). */
    public static void redirect(String path, String target) {
        REDIRECTS.put(path, target);
    }

    /**
     * What {@code GET …/orders.json} answers: page 0 to the first request, and each page links the next with a
     * {@code Link: <…?page_info=N&limit=…>; rel="next"} header, as the storefront's cursor pagination does.
     */
    public static void storefrontPages(String... bodies) {
        STOREFRONT_PAGES.clear();
        STOREFRONT_PAGES.addAll(List.of(bodies));
    }

    /** "METHOD path authorization" of every request received (with the query, for the storefront's). */
    public static List<String> requests() {
        return REQUESTS;
    }

    public static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.equals(STOREFRONT_API + "/orders.json")) {
                String query = exchange.getRequestURI().getRawQuery();
                String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
                REQUESTS.add(exchange.getRequestMethod() + " " + path + "?" + query + " " + token);
                int index = query != null && query.contains("page_info=")
                        ? Integer.parseInt(query.replaceAll(".*page_info=(\\d+).*", "$1")) : 0;
                Answer answer = !STOREFRONT_TOKEN.equals(token) ? new Answer(401, "application/json", "{\"errors\":\"token\"}")
                        : index < STOREFRONT_PAGES.size() ? new Answer(200, "application/json", STOREFRONT_PAGES.get(index))
                        : new Answer(404, "text/plain", "no such page");
                if (answer.status() == 200 && index + 1 < STOREFRONT_PAGES.size()) {
                    exchange.getResponseHeaders().set("Link", "<" + url(path) + "?limit=250&page_info=" + (index + 1)
                            + ">; rel=\"next\"");
                }
                respond(exchange, answer);
                return;
            }
            REQUESTS.add(exchange.getRequestMethod() + " " + path + " " + auth);
            if (REDIRECTS.containsKey(path)) {
                exchange.getResponseHeaders().set("Location", REDIRECTS.get(path));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            Answer answer = ANSWERS.getOrDefault(path, new Answer(404, "text/plain", "no such path"));
            if (path.equals(AUTOFBA_PATH) && !("Bearer " + AUTOFBA_TOKEN).equals(auth)) {
                answer = new Answer(401, "text/plain", "bearer token required");
            }
            respond(exchange, answer);
        });
        server.start();
        return Map.of("loadout.allocation.sheet.url", url(SHEET_PATH),
                "loadout.allocation.autofba.url", url(AUTOFBA_PATH),
                "loadout.allocation.autofba.token", AUTOFBA_TOKEN,
                "loadout.orders.storefront.api-url", url(STOREFRONT_API),
                "loadout.orders.storefront.api-token", STOREFRONT_TOKEN);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
