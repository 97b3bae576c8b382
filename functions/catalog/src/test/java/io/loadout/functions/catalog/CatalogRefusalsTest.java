package io.loadout.functions.catalog;

import static io.loadout.functions.catalog.CatalogApiTest.adminToken;
import static io.loadout.functions.catalog.CatalogApiTest.as;
import static io.loadout.functions.catalog.CatalogApiTest.catalog;
import static io.loadout.functions.catalog.CatalogApiTest.clientToken;
import static io.loadout.functions.catalog.CatalogApiTest.configuration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.loadout.account.AccountService;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the hostile test of issue 10 found in the catalog: hidden catalogs readable by id, 500s on odd input. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class CatalogRefusalsTest {

    @Inject
    AccountService accounts;

    @BeforeEach
    void tokens() {
        CatalogApiTest.ensureTokens(accounts);
    }

    static byte[] png() throws Exception {
        var bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void aClientReadsPricesAndImagesOnlyOfWhatIsForSale() throws Exception {
        long hidden = catalog("VEHICLE", "NON_SALEABLE");
        long shown = catalog("VEHICLE", "SALEABLE");
        long hiddenConfig = configuration(hidden, "60V");
        long shownConfig = configuration(shown, "60V");
        for (long config : new long[] {hiddenConfig, shownConfig}) {
            as(adminToken).body(Map.of("price", 10, "validFrom", "2026-01-01T00:00:00Z"))
                    .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(201);
        }
        String hiddenImage = upload(hidden);
        String shownImage = upload(shown);

        as(clientToken).get("/api/catalog/configurations/" + hiddenConfig + "/effective-price").then().statusCode(404);
        as(clientToken).get("/api/catalog/catalogs/" + hidden + "/images/" + hiddenImage).then().statusCode(404);
        as(clientToken).get("/api/catalog/configurations/" + shownConfig + "/effective-price").then().statusCode(200)
                .body("price", equalTo(10.0f));
        as(clientToken).get("/api/catalog/catalogs/" + shown + "/images/" + shownImage).then().statusCode(200);
        // the admin still reads everything; a client reads one catalog through the filtered list, not by id
        as(adminToken).get("/api/catalog/configurations/" + hiddenConfig + "/effective-price").then().statusCode(200);
        as(adminToken).get("/api/catalog/catalogs/" + hidden + "/images/" + hiddenImage).then().statusCode(200);
        as(clientToken).get("/api/catalog/catalogs/" + shown).then().statusCode(403);
        as(clientToken).get("/api/catalog/catalogs?catalogId=" + shown).then().statusCode(200)
                .body("items[0].catalogId", equalTo((int) shown));
    }

    private static String upload(long catalogId) throws Exception {
        return given().header("Authorization", "Bearer " + adminToken).multiPart("file", "p.png", png(), "image/png")
                .post("/api/catalog/catalogs/" + catalogId + "/images").then().statusCode(201).extract().jsonPath()
                .getString("[0].imageId");
    }

    @Test
    void farDatesAndUnstorableTextAreRefusedNamingTheField() {
        long config = configuration(catalog("PARTS", "SALEABLE"), "48V");
        as(adminToken).get("/api/catalog/configurations/" + config + "/effective-price?at=+999999-01-01T00:00:00Z")
                .then().statusCode(400).body("field", equalTo("at"));
        as(adminToken).body(Map.of("price", 10, "validFrom", "+999999-01-01T00:00:00Z"))
                .post("/api/catalog/configurations/" + config + "/prices").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("validFrom"));
        as(adminToken).queryParam("configName", "a\u0000b").get("/api/catalog/configurations").then().statusCode(400)
                .body("field", equalTo("configName"));
        as(adminToken).body("{\"name\": \"Fleeto\\u0000\", \"itemType\": \"VEHICLE\", \"subType\": \"A\"}")
                .post("/api/catalog/base-products").then().statusCode(400).body("field", equalTo("name"));
        as(adminToken).body("{\"name\": \"Fleeto \\ud800\", \"itemType\": \"VEHICLE\", \"subType\": \"A\"}")
                .post("/api/catalog/base-products").then().statusCode(400).body("field", equalTo("name"))
                .body("detail", containsString("surrogate"));
    }

    @Test
    void wrongShapesAndEmptyUploadsAreProblemsNotErrors() {
        long c = catalog("PARTS", "SALEABLE");
        for (String shape : new String[] {"[]", "\"x\"", "1", "null"}) {
            as(adminToken).body(shape).post("/api/catalog/base-products").then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("body"))
                    .body("detail", not(containsString("not valid JSON")));
        }
        as(adminToken).body("{\"name\": ").post("/api/catalog/base-products").then().statusCode(400)
                .body("field", equalTo("body")).body("detail", containsString("not valid JSON"));
        given().header("Authorization", "Bearer " + adminToken).contentType("multipart/form-data; boundary=x")
                .body(new byte[0]).post("/api/catalog/catalogs/" + c + "/images").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("body"));
        given().contentType("multipart/form-data; boundary=x").body(new byte[0])
                .post("/api/catalog/catalogs/" + c + "/images").then().statusCode(401);
        given().contentType("image/png").body(new byte[] {1, 2, 3})
                .post("/api/catalog/catalogs/" + c + "/images").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    }
}
