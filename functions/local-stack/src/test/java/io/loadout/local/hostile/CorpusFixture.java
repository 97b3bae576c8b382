package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the corpus aims at: one of everything (a login, a partner client with its store, ledger, lot, cart, pallet,
 * preorder, a catalog chain with a price and an image, a seller's customer, item and order), so bad input reaches the code behind valid ids. Gives
 * sample values by field name, ids by the collection a path parameter indexes, and the reads that prove the
 * seeded data is still intact afterwards.
 */
final class CorpusFixture {

    static final String CLIENT = "CORPUS-C-1";
    static final String STORE = "CORPUS-S-1";
    static final String MUTUAL = "CORPUS-S-M";
    static final String ASIN = "B0CORPUS01";

    final String clientToken;
    final Map<String, JsonNode> fieldHints = new LinkedHashMap<>();
    /** Collection segment ({@code carts}, {@code images}) → a seeded id; others get 1. */
    final Map<String, String> pathIds = new LinkedHashMap<>();
    /** Reads of the seeded rows, compared before and after the corpus. */
    final List<String> seededReads;

    private CorpusFixture(String clientToken, List<String> seededReads) {
        this.clientToken = clientToken;
        this.seededReads = seededReads;
    }

    static CorpusFixture seed(Api api, String admin, Path bucket) throws Exception {
        var seeds = new Seeds(api, admin);
        var login = seeds.login("Corpus client login", "corpus-login@example.com");
        var victim = seeds.login("Corpus victim", "corpus-victim@example.com");
        seeds.partnerClient(CLIENT, "Corpus client", "corpus-client@example.com", STORE, "Corpus store", MUTUAL, "100000.00");
        long client = seeds.clientId(CLIENT);
        long store = seeds.storeId(STORE);
        seeds.link(client, login.accountId());
        seeds.buyingSheet(bucket, "corpus-sheet", ASIN);
        seeds.ungated(STORE, ASIN);
        long[] cartAndPallet = seeds.cartAndPallet(client, store, "1500.00");
        long preorder = seeds.preorder(client, store, ASIN);
        var chain = seeds.catalogChain("Corpus", "SALEABLE");
        var sale = seeds.sellerChain(admin, "Corpus");
        long job = api.get(admin, "/api/ops/imports?kind=inventory&limit=1").path("items").get(0).path("id").asLong();

        var f = new CorpusFixture(login.token(), List.of(
                "/api/ops/accounts/" + victim.accountId(), "/api/ops/accounts/" + login.accountId() + "/tokens",
                "/api/allocation/clients/" + client, "/api/allocation/clients/" + client + "/ledger",
                "/api/allocation/carts/" + cartAndPallet[0], "/api/allocation/pallets/" + cartAndPallet[1],
                "/api/allocation/preorders/" + preorder, "/api/catalog/base-products/" + chain.baseProduct(),
                "/api/catalog/versions/" + chain.version(), "/api/catalog/catalogs/" + chain.catalog(),
                "/api/catalog/configurations/" + chain.configuration(),
                "/api/catalog/configurations/" + chain.configuration() + "/prices",
                "/api/catalog/catalogs/" + chain.catalog() + "/images/" + chain.image(),
                "/api/orders/customers/" + sale.customer()));
        var n = JsonNodeFactory.instance;
        f.fieldHints.put("clientId", n.numberNode(client));
        f.fieldHints.put("storeId", n.numberNode(store));
        f.fieldHints.put("accountId", n.numberNode(login.accountId()));
        f.fieldHints.put("versionId", n.numberNode(chain.version()));
        f.fieldHints.put("configId", n.numberNode(chain.configuration()));
        f.fieldHints.put("store", n.textNode(STORE));
        f.fieldHints.put("asin", n.textNode(ASIN));
        f.fieldHints.put("role", n.textNode("CLIENT"));
        f.fieldHints.put("itemType", n.textNode("PARTS")); // a catalog must have its base product's item type
        f.fieldHints.put("customerId", n.numberNode(sale.customer()));
        f.fieldHints.put("itemId", n.numberNode(sale.item()));
        f.fieldHints.put("orderId", n.numberNode(sale.order()));
        f.fieldHints.put("phone", n.textNode("+44 161 496 0000"));
        f.pathIds.put("accounts", String.valueOf(victim.accountId()));
        f.pathIds.put("tokens", String.valueOf(victim.tokenId()));
        f.pathIds.put("clients", String.valueOf(client));
        f.pathIds.put("carts", String.valueOf(cartAndPallet[0]));
        f.pathIds.put("pallets", String.valueOf(cartAndPallet[1]));
        f.pathIds.put("preorders", String.valueOf(preorder));
        f.pathIds.put("imports", String.valueOf(job));
        f.pathIds.put("base-products", String.valueOf(chain.baseProduct()));
        f.pathIds.put("versions", String.valueOf(chain.version()));
        f.pathIds.put("catalogs", String.valueOf(chain.catalog()));
        f.pathIds.put("configurations", String.valueOf(chain.configuration()));
        f.pathIds.put("prices", String.valueOf(chain.price()));
        f.pathIds.put("images", chain.image());
        f.pathIds.put("customers", String.valueOf(sale.customer()));
        f.pathIds.put("items", String.valueOf(sale.item()));
        f.pathIds.put("orders", String.valueOf(sale.order()));
        return f;
    }

    Optional<JsonNode> hint(String field) {
        return Optional.ofNullable(fieldHints.get(field));
    }

    /** The operation's path with each parameter replaced: by {@code override}, else by the seeded id. */
    String uri(Operation op, Map<String, String> override) {
        String path = op.path();
        for (Operation.Param p : op.params("path")) {
            String value = override.getOrDefault(p.name(), pathIds.getOrDefault(op.collectionOf(p.name()), "1"));
            path = path.replace("{" + p.name() + "}", value);
        }
        return path;
    }
}
