package io.loadout.local.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.imageio.ImageIO;

/** Seeding steps both fixtures share, each through the public API (or the bucket folder, for the buying sheet). */
final class Seeds {

    static final String AUTOFBA_SECRET = "local-autofba-secret";
    static final String UNGATING_SECRET = "local-ungating-secret";

    private final Api api;
    private final String admin;

    Seeds(Api api, String adminToken) {
        this.api = api;
        this.admin = adminToken;
    }

    /** A login and one token for it: {account id, token id, secret}. */
    record Login(long accountId, long tokenId, String token) {
    }

    Login login(String name, String email) {
        long id = api.post(admin, "/api/ops/accounts", """
                {"name":"%s","email":"%s","role":"CLIENT"}""".formatted(name, email), 201).path("id").asLong();
        JsonNode issued = api.post(admin, "/api/ops/accounts/" + id + "/tokens", "{\"label\":\"" + name + " token\"}", 201);
        return new Login(id, issued.path("token").path("id").asLong(), issued.path("secret").asText());
    }

    /** The partner panel announces a client with its stores (own and mutual) and a deposit. */
    void partnerClient(String clientId, String name, String email, String ownStore, String ownStoreName,
                       String mutualStore, String deposit) {
        String now = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString();
        api.signed("/api/allocation/webhooks/autofba", AUTOFBA_SECRET, """
                {"clients":[{"id":"%1$s","name":"%2$s","email":"%3$s","updatedAt":"%7$s","stores":["%4$s","%6$s"]}],
                 "stores":[{"id":"%4$s","name":"%5$s","mutual":false,"updatedAt":"%7$s"},
                           {"id":"%6$s","name":"Mutual store %6$s","mutual":true,"updatedAt":"%7$s"}],
                 "entries":[{"id":"%1$s-deposit","client":"%1$s","kind":"DEPOSIT","amount":%8$s,"reference":"%2$s deposit",
                             "occurredAt":"%7$s"}]}""".formatted(clientId, name, email, ownStore, ownStoreName, mutualStore,
                now, deposit));
    }

    long clientId(String externalId) {
        for (JsonNode c : api.get(admin, "/api/allocation/clients?q=" + externalId + "&limit=500").path("items")) {
            if (c.path("externalId").asText().equals(externalId)) {
                return c.path("id").asLong();
            }
        }
        throw new IllegalStateException("no client " + externalId);
    }

    long storeId(String externalId) {
        for (JsonNode s : api.get(admin, "/api/allocation/stores?limit=500").path("items")) {
            if (s.path("externalId").asText().equals(externalId)) {
                return s.path("id").asLong();
            }
        }
        throw new IllegalStateException("no store " + externalId);
    }

    void link(long clientId, long accountId) {
        api.put(admin, "/api/allocation/clients/" + clientId + "/account", "{\"accountId\":" + accountId + "}");
    }

    /** A buying sheet dropped into the bucket folder; waits until its import job succeeded. */
    void buyingSheet(Path bucket, String sheet, String... asins) throws Exception {
        heavyBuyingSheet(bucket, sheet, "2.0", "8.00", asins);
    }

    /** The same with each unit's weight (lb) and maximum shipping price. */
    void heavyBuyingSheet(Path bucket, String sheet, String weightLb, String maxShip, String... asins) throws Exception {
        String name = sheet + "-" + System.currentTimeMillis(); // the bucket folder outlives the test database
        var csv = new StringBuilder("ASIN,Batch,Title,Item Weight,Length,Width,Height,Quantity Purchased,"
                + "Remaining Quantity,Unit Cost,Date Added,Min Shipping Price,Max Shipping Price\n");
        String added = LocalDate.now(ZoneOffset.UTC).minusDays(40).toString();
        for (String asin : asins) {
            csv.append(asin).append(",PO-").append(name).append(",Lot ").append(asin).append(",").append(weightLb)
                    .append(",10,8,6,400,400,$5.00,").append(added).append(",0.50,").append(maxShip).append("\n");
        }
        Path file = bucket.resolve("imports/inventory/" + name + ".csv");
        Files.createDirectories(file.getParent());
        Path partial = bucket.resolve(name + ".partial"); // outside imports/, so the watcher never sees it half written
        Files.writeString(partial, csv, StandardCharsets.UTF_8);
        Files.move(partial, file);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode job : api.get(admin, "/api/ops/imports?kind=inventory&limit=500").path("items")) {
                if (job.path("objectName").asText().equals("imports/inventory/" + name + ".csv")) {
                    String status = job.path("status").asText();
                    if (status.equals("SUCCEEDED")) {
                        return;
                    }
                    if (status.equals("FAILED") || status.equals("PARTIAL")) {
                        throw new IllegalStateException("buying sheet " + name + " " + status + ": " + job);
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("buying sheet " + name + " not imported within 30 s");
    }

    void ungated(String store, String... asins) {
        var body = new StringBuilder("[");
        String at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS).toString();
        for (String asin : asins) {
            body.append(body.length() > 1 ? "," : "").append("{\"store\":\"").append(store).append("\",\"asin\":\"")
                    .append(asin).append("\",\"status\":\"YES\",\"updatedAt\":\"").append(at).append("\"}");
        }
        api.signed("/api/allocation/webhooks/ungating", UNGATING_SECRET, body.append("]").toString());
    }

    /** A confirmed cart, then a confirmed pallet for the client's store: {cart id, pallet id}. */
    long[] cartAndPallet(long clientId, long storeId, String amount) {
        String request = "{\"clientId\":%d,\"storeId\":%d,\"amount\":\"%s\"}".formatted(clientId, storeId, amount);
        long cart = api.post(admin, "/api/allocation/carts/generate", request, 201).path("cart").path("id").asLong();
        api.post(admin, "/api/allocation/carts/" + cart + "/confirm", null, 200);
        JsonNode pallets = api.post(admin, "/api/allocation/pallets/generate",
                "{\"clientId\":%d,\"storeId\":%d}".formatted(clientId, storeId), 201);
        JsonNode first = pallets.path("pallets").get(0);
        if (first == null) {
            throw new IllegalStateException("no pallet generated: " + pallets);
        }
        long pallet = first.path("id").asLong();
        api.post(admin, "/api/allocation/pallets/" + pallet + "/confirm?acceptTopUps=true", null, 200);
        return new long[] {cart, pallet};
    }

    /** Base product → version → catalog → configuration (with a price in force) → an image: their ids. */
    record CatalogChain(long baseProduct, long version, long catalog, long configuration, long price, String image) {
    }

    CatalogChain catalogChain(String name, String sellingType) {
        long base = api.post(admin, "/api/catalog/base-products", """
                {"name":"%s base","itemType":"PARTS","subType":"GEAR","brand":"%s brand","model":"%s model"}"""
                .formatted(name, name, name), 201).path("id").asLong();
        long version = api.post(admin, "/api/catalog/base-products/" + base + "/versions",
                "{\"name\":\"" + name + " version\"}", 201).path("id").asLong();
        long catalog = api.post(admin, "/api/catalog/catalogs", """
                {"versionId":%d,"name":"%s catalog","year":"2025","hsnCode":"8714","weight":1.5,"colour":"%s colour",
                 "sellingType":"%s","gstRate":"GST-18","status":"ACTIVE"}""".formatted(version, name, name, sellingType),
                201).path("id").asLong();
        long config = api.post(admin, "/api/catalog/catalogs/" + catalog + "/configurations",
                "{\"name\":\"" + name + " configuration\",\"additionalInfos\":[{\"key\":\"Marker\",\"value\":\"" + name + "\"}]}",
                201).path("id").asLong();
        String from = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        long price = api.post(admin, "/api/catalog/configurations/" + config + "/prices",
                "{\"price\":\"123.45\",\"validFrom\":\"" + from + "\"}", 201).path("id").asLong();
        String boundary = "seedboundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + ".png\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] png = png();
        byte[] body = new byte[head.length + png.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(png, 0, body, head.length, png.length);
        System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
        var uploaded = api.raw("POST", admin, "/api/catalog/catalogs/" + catalog + "/images", body,
                "multipart/form-data; boundary=" + boundary, null);
        if (uploaded.statusCode() != 201) {
            throw new IllegalStateException("image upload answered " + uploaded.statusCode());
        }
        String image;
        try {
            image = new com.fasterxml.jackson.databind.ObjectMapper().readTree(uploaded.body()).get(0).path("imageId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CatalogChain(base, version, catalog, config, price, image);
    }

    static byte[] png() {
        var image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    long preorder(long clientId, long storeId, String asin) {
        return api.post(admin, "/api/allocation/preorders", """
                {"clientId":%d,"storeId":%d,"asin":"%s","quantity":2,"amount":"20.00","deposit":"5.00"}"""
                .formatted(clientId, storeId, asin), 201).path("id").asLong();
    }

    /** A seller's customer, item (plenty of stock) and an order of both, made with the seller's own token. */
    record SellerChain(long customer, long item, long order) {
    }

    SellerChain sellerChain(String token, String name) {
        long customer = api.post(token, "/api/orders/customers", """
                {"name":"%1$s buyer","email":"%2$s-buyer@example.com","phone":"+44 20 7946 0000",
                 "notes":"%1$s notes"}""".formatted(name, name.toLowerCase().replace(' ', '-')), 201).path("id").asLong();
        long item = api.post(token, "/api/orders/items", """
                {"sku":"%s-SKU","name":"%s item","price":"100.00","stock":1000000}"""
                .formatted(name.toUpperCase().replace(' ', '-'), name), 201).path("id").asLong();
        long order = api.post(token, "/api/orders", """
                {"customerId":%d,"lines":[{"itemId":%d,"quantity":5}],"shippingFee":"9.50","notes":"%s order"}"""
                .formatted(customer, item, name), 201).path("id").asLong();
        return new SellerChain(customer, item, order);
    }
}
