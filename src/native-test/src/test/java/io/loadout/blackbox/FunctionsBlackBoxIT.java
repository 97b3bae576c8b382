package io.loadout.blackbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.FakePubSubServer;
import io.loadout.testing.TestPostgres;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged functions as the cloud runs them, driven only from outside: HTTP for ops, CloudEvents for the
 * event functions. The database is migrated first by the packaged migration step, as a deploy does.
 */
class FunctionsBlackBoxIT {

    private static final String BOOTSTRAP_SECRET = "black-box-secret";
    private static final List<FunctionProcess> FUNCTIONS = new ArrayList<>();
    private static FakePubSubServer pubSub;
    private static GreenMail smtp;
    private static FunctionProcess ops;
    private static FunctionProcess imports;
    private static FunctionProcess notifier;
    private static FunctionProcess jobs;
    private static String adminToken;

    @BeforeAll
    static void deploy() throws Exception {
        String dbUrl = TestPostgres.newDatabase("blackbox");
        migrate(dbUrl);
        pubSub = new FakePubSubServer();
        int smtpPort = FunctionProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Map<String, String> env = Map.of(
                "LOADOUT_DB_URL", dbUrl,
                "LOADOUT_DB_USER", TestPostgres.USER,
                "LOADOUT_GCP_PUBSUB_ENDPOINT", pubSub.endpoint(),
                "GOOGLE_CLOUD_PROJECT", "black-box",
                "LOADOUT_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET,
                "LOADOUT_SMTP_HOST", "127.0.0.1",
                "LOADOUT_SMTP_PORT", String.valueOf(smtpPort),
                "LOADOUT_SMTP_START_TLS", "DISABLED");

        // started one after another so each cold start is measured without the others competing for the CPU
        ops = track(FunctionProcess.start("ops", FunctionProcess.Kind.HTTP, null, env));
        ops.awaitReady(() -> given().baseUri(ops.baseUri()).get("/api/ops/health").statusCode() == 200);
        imports = track(FunctionProcess.start("imports", FunctionProcess.Kind.CLOUD_EVENT, "importObject", env));
        imports.awaitReady(() -> storageEvent("probe/ready.txt", 1).statusCode() == 200);
        notifier = track(FunctionProcess.start("notifier", FunctionProcess.Kind.CLOUD_EVENT, "notify", env));
        notifier.awaitReady(() -> eventToNotifier(envelope(UUID.randomUUID(), "probe.ready", "{}")).statusCode() == 200);
        jobs = track(FunctionProcess.start("jobs", FunctionProcess.Kind.CLOUD_EVENT, "runJob", env));
        jobs.awaitReady(() -> jobTick(CloudEvents.newId(), "").statusCode() == 200);
        adminToken = given().baseUri(ops.baseUri()).header("X-Bootstrap-Secret", BOOTSTRAP_SECRET)
                .post("/api/ops/bootstrap").then().statusCode(201).extract().path("secret");
    }

    private static FunctionProcess track(FunctionProcess function) {
        FUNCTIONS.add(function);
        return function;
    }

    private static void migrate(String dbUrl) throws Exception {
        var step = new ProcessBuilder("java", "-cp", FunctionProcess.runnerJar("ops").toString(),
                "io.loadout.migration.MigrateDatabase").redirectErrorStream(true);
        step.environment().put("LOADOUT_DB_URL", dbUrl);
        step.environment().put("LOADOUT_DB_USER", TestPostgres.USER);
        var process = step.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("applied");
    }

    @AfterAll
    static void undeploy() throws Exception {
        var report = new StringBuilder("function,cold_start_ms,peak_rss_mb\n");
        for (FunctionProcess f : FUNCTIONS) {
            report.append(f.name).append(',').append(f.coldStart() == null ? "" : f.coldStart().toMillis()).append(',')
                    .append(f.measuredPeakRssKb() / 1024).append('\n');
            f.close();
        }
        Path logs = Path.of(System.getProperty("loadout.logs.dir"));
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("cold-start.csv"), report);
        System.out.println("black-box cold starts (first run, not a benchmark):\n" + report);
        if (smtp != null) {
            smtp.stop();
        }
        if (pubSub != null) {
            pubSub.close();
        }
    }

    private static io.restassured.response.Response storageEvent(String name, long generation) {
        return CloudEvents.postTo(imports.baseUri(), CloudEvents.newId(), CloudEvents.STORAGE_FINALIZED,
                "//storage.googleapis.com/projects/_/buckets/b", CloudEvents.storageObjectData("b", name, generation, 3));
    }

    private static String envelope(UUID id, String type, String payload) {
        return """
                {"id":"%s","type":"%s","version":1,"occurredAt":"2026-11-21T10:00:00Z","accountId":null,"payload":%s}"""
                .formatted(id, type, payload);
    }

    private static io.restassured.response.Response eventToNotifier(String envelope) {
        return CloudEvents.postTo(notifier.baseUri(), CloudEvents.newId(), CloudEvents.PUBSUB_PUBLISHED,
                "//pubsub.googleapis.com/projects/p/topics/loadout-events",
                CloudEvents.pubSubMessage(CloudEvents.newId(), envelope, Map.of()));
    }

    private static io.restassured.response.Response jobTick(String messageId, String job) {
        return CloudEvents.postTo(jobs.baseUri(), CloudEvents.newId(), CloudEvents.PUBSUB_PUBLISHED,
                "//pubsub.googleapis.com/projects/p/topics/loadout-jobs",
                CloudEvents.pubSubMessage(messageId, "{\"job\":\"" + job + "\"}", Map.of()));
    }

    private static io.restassured.specification.RequestSpecification opsAs(String token) {
        return given().baseUri(ops.baseUri()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    @Test
    void opsServesAccountsWithRolesAndTenancy() {
        opsAs(adminToken).get("/api/ops/me").then().statusCode(200).body("role", equalTo("ADMIN"));
        given().baseUri(ops.baseUri()).get("/api/ops/me").then().statusCode(401).contentType("application/problem+json");
        given().baseUri(ops.baseUri()).header("X-Bootstrap-Secret", BOOTSTRAP_SECRET).post("/api/ops/bootstrap")
                .then().statusCode(409);

        int a = opsAs(adminToken).body(Map.of("name", "A", "email", "a@bb.test", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201).extract().path("id");
        int b = opsAs(adminToken).body(Map.of("name", "B", "email", "b@bb.test", "role", "CLIENT"))
                .post("/api/ops/accounts").then().statusCode(201).extract().path("id");
        String tokenA = opsAs(adminToken).body(Map.of("label", "bb")).post("/api/ops/accounts/" + a + "/tokens")
                .then().statusCode(201).body("secret", startsWith("ldt_")).extract().path("secret");

        opsAs(tokenA).get("/api/ops/accounts/" + a).then().statusCode(200);
        opsAs(tokenA).get("/api/ops/accounts/" + b).then().statusCode(404);
        opsAs(tokenA).get("/api/ops/accounts").then().statusCode(403);
        opsAs(adminToken).body(Map.of("name", "C", "email", "nope", "role", "CLIENT")).post("/api/ops/accounts")
                .then().statusCode(400).body("field", equalTo("email"));
    }

    @Test
    void importsIgnoresWhatIsNotAnImportAndSurvivesGarbage() {
        storageEvent("catalog/1/photo.jpg", 7).then().statusCode(200);
        storageEvent("imports/x/data.errors.csv", 8).then().statusCode(200);
        CloudEvents.postTo(imports.baseUri(), "bad", CloudEvents.STORAGE_FINALIZED, "//storage", "{\"name\":1}")
                .then().statusCode(200);

        opsAs(adminToken).get("/api/ops/imports").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void notifierMailsAndAlertsOncePerEvent() {
        UUID id = UUID.randomUUID();
        String failedImport = envelope(id, "import.finished", """
                {"jobId":5,"kind":"unknown","objectName":"imports/unknown/bb.csv","status":"FAILED","rowsTotal":0,
                 "rowsSucceeded":0,"rowsFailed":0,"errorsObject":"imports/unknown/bb.errors.csv","summary":"unknown kind"}""");

        for (int delivery = 0; delivery < 3; delivery++) {
            eventToNotifier(failedImport).then().statusCode(200);
        }

        var mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains("imports/unknown/bb.csv")).toList();
        assertThat(mails).hasSize(1);
        opsAs(adminToken).get("/api/ops/alerts").then().statusCode(200)
                .body("items.findAll { it.title == 'Import failed: imports/unknown/bb.csv' }.size()", equalTo(1));
    }

    @Test
    void jobsRunsOncePerTickAndReportsFailures() {
        String tick = CloudEvents.newId();
        jobTick(tick, "outbox-sweep").then().statusCode(200);
        jobTick(tick, "outbox-sweep").then().statusCode(200);
        jobTick(CloudEvents.newId(), "no-such-job").then().statusCode(200);

        opsAs(adminToken).get("/api/ops/job-runs?job=outbox-sweep").then().statusCode(200)
                .body("items.findAll { it.triggerId == '" + tick + "' }.size()", equalTo(1))
                .body("items[0].status", equalTo("SUCCEEDED"));
        opsAs(adminToken).get("/api/ops/job-runs?job=no-such-job").then().statusCode(200)
                .body("items[0].status", equalTo("FAILED"));
        assertThat(pubSub.ofType("job.failed")).anySatisfy(p -> {
            assertThat(p.topic()).isEqualTo("projects/black-box/topics/loadout-events");
            assertThat(p.data()).contains("no-such-job");
        });
    }
}
