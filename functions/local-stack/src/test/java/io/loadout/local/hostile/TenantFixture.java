package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two CLIENT tenants, A and B, each a login linked to a partner client with its own store and a store they share,
 * a deposit, ungated stock, a confirmed cart and pallet, a preorder, an alert of its own, a customer, an item and an order it sells; and two catalogs, one
 * saleable and one not (which no CLIENT may see). Everything of B carries the marker {@value #B_MARKER}, everything
 * of the hidden catalog {@value #HIDDEN_MARKER}, so a leak shows as a substring.
 */
final class TenantFixture {

    static final String B_MARKER = "zqxbeta";
    static final String A_MARKER = "zqxalpha";
    static final String HIDDEN_MARKER = "zqxhidden";
    static final String MUTUAL = "S-ZQXMUTUAL";
    private static final List<String> ASINS = List.of("B0TENANT01", "B0TENANT02", "B0TENANT03");

    /** One tenant's login and its ids by kind ({@code client}, {@code store}, {@code cart} …). */
    record Tenant(String token, Map<String, Long> ids) {
    }

    final Tenant a;
    final Tenant b;
    /** The non-saleable catalog's ids by kind ({@code catalog}, {@code configuration}, {@code image} …). */
    final Map<String, String> hidden;

    private TenantFixture(Tenant a, Tenant b, Map<String, String> hidden) {
        this.a = a;
        this.b = b;
        this.hidden = hidden;
    }

    static TenantFixture seed(Api api, String admin, Path bucket) throws Exception {
        var seeds = new Seeds(api, admin);
        seeds.buyingSheet(bucket, "tenant-sheet", ASINS.toArray(String[]::new));
        Tenant a = tenant(api, seeds, admin, A_MARKER);
        Tenant b = tenant(api, seeds, admin, B_MARKER);
        seeds.catalogChain("Saleable zqxopen", "SALEABLE");
        var chain = seeds.catalogChain("Hidden " + HIDDEN_MARKER, "NON_SALEABLE");
        var hidden = new LinkedHashMap<String, String>();
        hidden.put("base-product", String.valueOf(chain.baseProduct()));
        hidden.put("version", String.valueOf(chain.version()));
        hidden.put("catalog", String.valueOf(chain.catalog()));
        hidden.put("configuration", String.valueOf(chain.configuration()));
        hidden.put("price", String.valueOf(chain.price()));
        hidden.put("image", chain.image());
        waitForAlert(api, b);
        return new TenantFixture(a, b, hidden);
    }

    private static Tenant tenant(Api api, Seeds seeds, String admin, String marker) {
        String upper = marker.toUpperCase();
        var login = seeds.login("Tenant " + marker, "tenant-" + marker + "@example.com");
        seeds.partnerClient("C-" + upper, "Client " + marker, "client-" + marker + "@example.com", "S-" + upper,
                "Store " + marker, MUTUAL, "5000.00");
        long client = seeds.clientId("C-" + upper);
        long store = seeds.storeId("S-" + upper);
        seeds.link(client, login.accountId());
        seeds.ungated("S-" + upper, ASINS.toArray(String[]::new));
        long[] cartAndPallet = seeds.cartAndPallet(client, store, "1500.00");
        long preorder = seeds.preorder(client, store, ASINS.get(0));
        JsonNode overspent = api.post(admin, "/api/allocation/carts/generate",
                "{\"clientId\":%d,\"storeId\":%d,\"amount\":\"900000.00\"}".formatted(client, store), 201);
        var sale = seeds.sellerChain(login.token(), "Seller " + marker);
        var ids = new HashMap<String, Long>();
        ids.put("customer", sale.customer());
        ids.put("item", sale.item());
        ids.put("order", sale.order());
        ids.put("account", login.accountId());
        ids.put("token", login.tokenId());
        ids.put("client", client);
        ids.put("store", store);
        ids.put("cart", cartAndPallet[0]);
        ids.put("draft-cart", overspent.path("cart").path("id").asLong());
        ids.put("pallet", cartAndPallet[1]);
        ids.put("preorder", preorder);
        JsonNode suggestion = overspent.path("shortfall").path("suggestionId");
        if (suggestion.isIntegralNumber()) {
            ids.put("transfer-suggestion", suggestion.asLong());
        }
        return new Tenant(login.token(), ids);
    }

    /** The confirmed cart's notification reaches the client's own dashboard through the event relay. */
    private static void waitForAlert(Api api, Tenant tenant) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode items = api.get(tenant.token(), "/api/ops/alerts").path("items");
            if (!items.isEmpty()) {
                tenant.ids().put("alert", items.get(0).path("id").asLong());
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no alert for the tenant within 30 s");
    }

    /** The id of B (or of the hidden catalog) for a path segment or parameter kind, or null when none is seeded. */
    String otherId(String kind) {
        Long id = b.ids().get(kind);
        return id != null ? String.valueOf(id) : hidden.get(kind);
    }

    /** What counts as B's in a body: its ids by kind (B's own store only, the mutual store is shared). */
    Map<String, Set<String>> otherIdsByKind() {
        var byKind = new HashMap<String, Set<String>>();
        b.ids().forEach((kind, id) -> byKind.computeIfAbsent(kind.replace("draft-", ""), k -> new HashSet<>())
                .add(String.valueOf(id)));
        hidden.forEach((kind, id) -> byKind.computeIfAbsent(kind, k -> new HashSet<>()).add(id));
        return byKind;
    }
}
