package io.loadout.blackbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.FakePubSubServer;
import io.loadout.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * What a deployment gives the functions: a PostgreSQL migrated by the packaged migration step, an SMTP server and
 * a Pub/Sub endpoint; and how to launch each packaged function and know it is serving.
 */
final class BlackBoxEnvironment implements AutoCloseable {

    static final String BOOTSTRAP_SECRET = "black-box-secret";
    static final String UNGATING_SECRET = "black-box-ungating-secret";
    static final String AUTOFBA_SECRET = "black-box-autofba-secret";

    final FakePubSubServer pubSub = new FakePubSubServer();
    final GreenMail smtp;
    private final Map<String, String> env;

    BlackBoxEnvironment() throws Exception {
        String dbUrl = TestPostgres.newDatabase("blackbox");
        migrate(dbUrl);
        int smtpPort = FunctionProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env = Map.ofEntries(
                Map.entry("LOADOUT_DB_URL", dbUrl),
                Map.entry("LOADOUT_DB_USER", TestPostgres.USER),
                Map.entry("LOADOUT_GCP_PUBSUB_ENDPOINT", pubSub.endpoint()),
                Map.entry("GOOGLE_CLOUD_PROJECT", "black-box"),
                Map.entry("LOADOUT_BOOTSTRAP_SECRET", BOOTSTRAP_SECRET),
                Map.entry("LOADOUT_WEBHOOKS_UNGATING_SECRET", UNGATING_SECRET),
                Map.entry("LOADOUT_WEBHOOKS_AUTOFBA_SECRET", AUTOFBA_SECRET),
                Map.entry("LOADOUT_SMTP_HOST", "127.0.0.1"),
                Map.entry("LOADOUT_SMTP_PORT", String.valueOf(smtpPort)),
                Map.entry("LOADOUT_SMTP_START_TLS", "DISABLED"),
                Map.entry("LOADOUT_MAIL_TIMEOUT", "3s"));
    }

    /** The deploy step: the packaged jar's migration entry point, run once before the functions start. */
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

    /**
     * Starts a packaged function and returns once it is ready. One rule for every function, the bench's baseline
     * included (ADR 0023): ready is the first answer the function's own request path gives to a request that needs
     * no database and writes nothing — an API call without a token (401 problem+json) for the HTTP functions, an
     * event the function acknowledges and drops before any lookup (200) for the event functions.
     */
    FunctionProcess launch(String name) throws InterruptedException {
        return switch (name) {
            case "ops", "catalog", "allocation", "orders" -> {
                var f = FunctionProcess.start(name, FunctionProcess.Kind.HTTP, null, env);
                String protectedPath = Map.of("ops", "/api/ops/me", "catalog", "/api/catalog/configurations",
                        "allocation", "/api/allocation/lots", "orders", "/api/orders").get(name);
                yield f.awaitReady(() -> tokenRequired(given().baseUri(f.baseUri()).get(protectedPath)));
            }
            case "imports" -> { // an object outside imports/: ignored before the database is asked
                var f = FunctionProcess.start(name, FunctionProcess.Kind.CLOUD_EVENT, "importObject", env);
                yield f.awaitReady(() -> storageEvent(f, "probe/ready.txt", 1).statusCode() == 200);
            }
            case "notifier" -> { // an envelope without an id: dropped before the once-per-event record
                var f = FunctionProcess.start(name, FunctionProcess.Kind.CLOUD_EVENT, "notify", env);
                yield f.awaitReady(() -> toNotifier(f, "{\"type\":\"probe.ready\",\"version\":1}").statusCode() == 200);
            }
            case "jobs" -> { // a tick without a job name: dropped before a run is recorded
                var f = FunctionProcess.start(name, FunctionProcess.Kind.CLOUD_EVENT, "runJob", env);
                yield f.awaitReady(() -> jobTick(f, CloudEvents.newId(), "").statusCode() == 200);
            }
            case FunctionProcess.BARE -> { // the bench's baseline: any CloudEvent, acknowledged
                var f = FunctionProcess.start(name, FunctionProcess.Kind.CLOUD_EVENT, "bare", env);
                yield f.awaitReady(() -> CloudEvents.postTo(f.baseUri(), CloudEvents.newId(), "io.loadout.probe",
                        "//bench", "{}").statusCode() == 200);
            }
            default -> throw new IllegalArgumentException("no function " + name);
        };
    }

    private static boolean tokenRequired(io.restassured.response.Response answer) {
        return answer.statusCode() == 401 && answer.contentType().startsWith("application/problem+json");
    }

    static io.restassured.response.Response storageEvent(FunctionProcess imports, String name, long generation) {
        return CloudEvents.postTo(imports.baseUri(), CloudEvents.newId(), CloudEvents.STORAGE_FINALIZED,
                "//storage.googleapis.com/projects/_/buckets/b", CloudEvents.storageObjectData("b", name, generation, 3));
    }

    static String envelope(UUID id, String type, String payload) {
        return """
                {"id":"%s","type":"%s","version":1,"occurredAt":"2026-11-21T10:00:00Z","accountId":null,"payload":%s}"""
                .formatted(id, type, payload);
    }

    static io.restassured.response.Response toNotifier(FunctionProcess notifier, String envelope) {
        return CloudEvents.deliverTo(notifier.baseUri(), CloudEvents.PUBSUB_PUBLISHED,
                "//pubsub.googleapis.com/projects/p/topics/loadout-events",
                CloudEvents.pubSubMessage(CloudEvents.newId(), envelope, Map.of()));
    }

    static io.restassured.response.Response jobTick(FunctionProcess jobs, String messageId, String job) {
        return CloudEvents.postTo(jobs.baseUri(), CloudEvents.newId(), CloudEvents.PUBSUB_PUBLISHED,
                "//pubsub.googleapis.com/projects/p/topics/loadout-jobs",
                CloudEvents.pubSubMessage(messageId, "{\"job\":\"" + job + "\"}", Map.of()));
    }

    @Override
    public void close() {
        smtp.stop();
        pubSub.close();
    }
}
