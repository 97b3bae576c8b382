package io.loadout.functions.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class CatalogApiTest {

    static String adminToken;
    static String clientToken;

    @Inject
    AccountService accounts;

    @BeforeEach
    void tokens() {
        ensureTokens(accounts);
    }

    /** One admin and one client for this test database, shared by the test classes of this module. */
    static synchronized void ensureTokens(AccountService accounts) {
        if (adminToken == null) {
            adminToken = accounts.bootstrapAdmin().orElseThrow().secret().value();
            var client = accounts.create(new NewAccount("Client", "client-" + UUID.randomUUID() + "@example.com", Role.CLIENT));
            clientToken = accounts.issueToken(client.id(), new NewToken("test", null)).secret().value();
        }
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** base product → version → catalog; returns the catalog id. */
    static long catalog(String itemType, String sellingType) {
        long bp = as(adminToken).body(Map.of("name", unique("Fleeto Magnum"), "itemType", itemType, "subType", "scooter"))
                .post("/api/catalog/base-products").then().statusCode(201)
                .body("code", matchesPattern("BP-\\d{6}")).body("subType", equalTo("SCOOTER"))
                .extract().jsonPath().getLong("id");
        long version = as(adminToken).body(Map.of("name", unique("V2")))
                .post("/api/catalog/base-products/" + bp + "/versions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return as(adminToken).body(Map.of("versionId", version, "name", unique("Red"), "hsnCode", "87116020",
                        "weight", 62.5, "colour", "Red", "sellingType", sellingType, "gstRate", "GST-18", "year", "2026"))
                .post("/api/catalog/catalogs").then().statusCode(201)
                .body("code", matchesPattern("CT-\\d{6}")).body("gstRate", equalTo("GST-18"))
                .extract().jsonPath().getLong("id");
    }

    static long configuration(long catalogId, String battery) {
        return as(adminToken).body(Map.of("name", unique("Config"), "additionalInfos", List.of(Map.of("key", "Battery", "value", battery))))
                .post("/api/catalog/catalogs/" + catalogId + "/configurations").then().statusCode(201)
                .body("code", matchesPattern("CF-\\d{6}")).extract().jsonPath().getLong("id");
    }

    @Test
    void badInputAnswersAProblemNamingTheField() {
        as(adminToken).body(Map.of("name", "X", "itemType", "VEHICLE", "subType", "two words"))
                .post("/api/catalog/base-products").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("subType"));
        as(adminToken).body(Map.of("name", "X", "itemType", "SPACESHIP", "subType", "A"))
                .post("/api/catalog/base-products").then().statusCode(400).body("field", equalTo("itemType"));
        long c = catalog("VEHICLE", "SALEABLE");
        long versionId = as(adminToken).get("/api/catalog/catalogs/" + c).then().extract().jsonPath().getLong("versionId");
        as(adminToken).body(Map.of("versionId", versionId, "name", "Blue", "hsnCode", "8711", "weight", 1, "colour", "Blue",
                        "sellingType", "SALEABLE", "gstRate", "GST-7"))
                .post("/api/catalog/catalogs").then().statusCode(400).body("field", equalTo("gstRate"));
        as(adminToken).get("/api/catalog/prices?status=SOMETIMES").then().statusCode(400).body("field", equalTo("status"));
        as(adminToken).get("/api/catalog/prices?validFrom=yesterday").then().statusCode(400).body("field", equalTo("validFrom"));
        as(adminToken).get("/api/catalog/configurations?info=novalue").then().statusCode(400).body("field", equalTo("info"));
        as(adminToken).body(Map.of("price", 10, "validFrom", "2026-12-01T00:00:00Z", "validTo", "2026-11-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + configuration(c, "60V") + "/prices").then().statusCode(400)
                .body("field", equalTo("validTo"));
        as(adminToken).get("/api/catalog/catalogs/999999").then().statusCode(404);
        as(adminToken).get("/api/catalog/base-products?limit=ten").then().statusCode(400).body("field", equalTo("limit"));
        as(adminToken).get("/api/catalog/base-products?limit=501").then().statusCode(400).body("field", equalTo("limit"));
    }

    @Test
    void overlappingPriceAnswers409NamingTheStoredPriceAndANewOneClosesTheOpenEnded() {
        long config = configuration(catalog("VEHICLE", "SALEABLE"), "60V");
        long first = as(adminToken).body(Map.of("price", 1000, "validFrom", "2026-01-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().jsonPath().getLong("id");
        as(adminToken).body(Map.of("price", 900, "validFrom", "2025-12-01T00:00:00Z", "validTo", "2026-02-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(409)
                .contentType("application/problem+json")
                .body("conflictsWith", equalTo("price/" + first)).body("field", equalTo("validFrom"));
        as(adminToken).body(Map.of("price", 1100, "validFrom", "2027-01-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(201)
                .body("status", equalTo("SCHEDULED"));
        as(adminToken).get("/api/catalog/configurations/" + config + "/prices").then().statusCode(200)
                .body("validTo", equalTo(java.util.Arrays.asList("2027-01-01T00:00:00Z", null)));
        as(adminToken).get("/api/catalog/configurations/" + config + "/effective-price?at=2027-01-01T00:00:00Z").then()
                .statusCode(200).body("price", equalTo(1100.0f));
        as(adminToken).get("/api/catalog/prices?configId=" + config + "&status=SCHEDULED").then().statusCode(200)
                .body("items.price", equalTo(List.of(1100.0f)));
    }

    @Test
    void clientsSeeOnlySaleableConfigurationsAndCannotWrite() {
        long saleable = catalog("VEHICLE", "SALEABLE");
        long config = configuration(saleable, "72V");
        as(adminToken).body(Map.of("items", List.of(Map.of("configId", config, "price", 500, "validFrom", "2026-01-01T00:00:00Z"))))
                .post("/api/catalog/prices/bulk").then().statusCode(201).body("", hasSize(1));
        long unpriced = configuration(saleable, "72V");
        long notForSale = configuration(catalog("VEHICLE", "NON_SALEABLE"), "72V");

        as(clientToken).get("/api/catalog/configurations?info=Battery:72V&limit=500").then().statusCode(200)
                .body("items.configId", org.hamcrest.Matchers.hasItem((int) config))
                .body("items.configId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) unpriced)))
                .body("items.configId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) notForSale)))
                .body("items.saleable", everyItem(equalTo(true)));
        as(adminToken).get("/api/catalog/configurations?info=Battery:72V&limit=500").then().statusCode(200)
                .body("items.configId", org.hamcrest.Matchers.hasItems((int) config, (int) unpriced, (int) notForSale));
        as(clientToken).body(Map.of("name", "X", "itemType", "VEHICLE", "subType", "A"))
                .post("/api/catalog/base-products").then().statusCode(403);
        as(clientToken).get("/api/catalog/prices").then().statusCode(403);
        given().get("/api/catalog/configurations").then().statusCode(401);
    }

    @Test
    void theExportIsTheListsFilterAsXlsxWithTheSeedsHeaders() throws Exception {
        long c = catalog("PARTS", "SALEABLE");
        configuration(c, "48V");
        configuration(c, "48V");
        String filter = "?catalogId=" + c;
        int listed = as(adminToken).get("/api/catalog/configurations" + filter).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
        byte[] xlsx = as(adminToken).get("/api/catalog/configurations/export" + filter).then().statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString(".xlsx")).extract().asByteArray();
        List<List<String>> rows = rows(xlsx);
        assertThat(rows.get(0)).startsWith("Catalog Name", "Catalog Code", "Base Product Name")
                .endsWith("Config Name", "Config Code", "Config Status", "Additional Info", "Active Price");
        assertThat(rows).hasSize(listed + 1);
        assertThat(listed).isEqualTo(3); // the default configuration of a part plus two
        assertThat(rows.get(1)).contains("Battery: 48V");

        List<List<String>> prices = rows(as(adminToken).get("/api/catalog/prices/export?configId=1").then().statusCode(200)
                .extract().asByteArray());
        assertThat(prices.get(0)).containsExactly("Price", "Valid From", "Valid To", "Current Price Status", "Config Code",
                "Config Name", "Catalog Name", "Catalog Code");
    }

    @Test
    void statusPatchesHideChildrenFromClients() {
        long c = catalog("ACCESSORIES", "SALEABLE");
        long config = as(adminToken).get("/api/catalog/catalogs/" + c).then().statusCode(200)
                .body("configurations", hasSize(1)).body("configurations[0].defaultConfiguration", equalTo(true))
                .extract().jsonPath().getLong("configurations[0].id");
        as(adminToken).body(Map.of("price", 20, "validFrom", "2026-01-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(201);
        as(clientToken).get("/api/catalog/catalogs?catalogId=" + c).then().body("items", hasSize(1));
        as(adminToken).body(Map.of("status", "INACTIVE")).patch("/api/catalog/catalogs/" + c + "/status").then()
                .statusCode(200).body("status", equalTo("INACTIVE")).body("audit.changedBy", notNullValue());
        as(clientToken).get("/api/catalog/catalogs?catalogId=" + c).then().body("items", hasSize(0));
        as(clientToken).get("/api/catalog/configurations?configId=" + config).then().body("items", hasSize(0));
        as(adminToken).body(Map.of("status", "MAYBE")).patch("/api/catalog/catalogs/" + c + "/status").then()
                .statusCode(400).body("field", equalTo("status"));
    }

    @Test
    void imagesAreStoredUnderTheCatalogAsJpegAndCanBeDeleted() throws Exception {
        long c = catalog("VEHICLE", "SALEABLE");
        var png = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(png, "png", bytes);

        var uploaded = given().header("Authorization", "Bearer " + adminToken)
                .multiPart("file", "photo.png", bytes.toByteArray(), "image/png")
                .post("/api/catalog/catalogs/" + c + "/images").then().statusCode(201)
                .body("[0].objectName", matchesPattern("catalog/" + c + "/[0-9a-f-]{36}\\.jpg"))
                .body("[0].originalName", equalTo("photo.png")).extract().jsonPath();
        String imageId = uploaded.getString("[0].imageId");
        String objectName = uploaded.getString("[0].objectName");
        assertThat(InMemoryStorage.STORAGE.get(com.google.cloud.storage.BlobId.of("test-bucket", objectName))).isNotNull();
        byte[] served = as(clientToken).get("/api/catalog/catalogs/" + c + "/images/" + imageId).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(served)).getWidth()).isEqualTo(64);
        as(adminToken).get("/api/catalog/catalogs/" + c).then().body("images", hasSize(1));

        given().header("Authorization", "Bearer " + adminToken)
                .multiPart("file", "notes.txt", "just text".getBytes(), "image/png")
                .post("/api/catalog/catalogs/" + c + "/images").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("file"));

        as(adminToken).delete("/api/catalog/catalogs/" + c + "/images/" + imageId).then().statusCode(204);
        assertThat(InMemoryStorage.STORAGE.get(com.google.cloud.storage.BlobId.of("test-bucket", objectName))).isNull();
        as(adminToken).get("/api/catalog/catalogs/" + c).then().body("images", hasSize(0));
        as(adminToken).delete("/api/catalog/catalogs/" + c + "/images/" + imageId).then().statusCode(404);
    }

    static List<List<String>> rows(byte[] xlsx) throws Exception {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var result = new ArrayList<List<String>>();
            try (var rows = workbook.getFirstSheet().openStream()) {
                rows.forEach((Row r) -> {
                    var cells = new ArrayList<String>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        cells.add(r.getCellText(i));
                    }
                    result.add(cells);
                });
            }
            return result;
        }
    }
}
