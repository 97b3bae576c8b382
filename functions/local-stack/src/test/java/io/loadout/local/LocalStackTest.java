package io.loadout.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.jobs.JobRun;
import io.loadout.jobs.JobRunRepository;
import io.loadout.jobs.JobRunStatus;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.TestPostgres;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole system in one process, driven from the outside: files in the bucket folder, HTTP, SMTP, timers. */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class LocalStackTest {

    private static String adminToken;

    @Inject
    AccountService accounts;
    @Inject
    LocalConfig config;
    @Inject
    LocalScheduler localScheduler;
    @Inject
    Scheduler scheduler;
    @Inject
    JobRunRepository runs;
    @Inject
    LocalConfig.Schedules schedules;

    @BeforeEach
    void adminToken() {
        if (adminToken == null) {
            var admin = accounts.create(new NewAccount("Test operator", "operator@test.local", Role.ADMIN));
            adminToken = accounts.issueToken(admin.id(), new NewToken("test", null)).secret().value();
        }
    }

    private static JsonPath get(String path) {
        return given().header("Authorization", "Bearer " + adminToken).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 30 s");
    }

    @Test
    void aCsvDroppedIntoAnUnknownKindFailsVisiblyEverywhere() throws Exception {
        Path drop = config.bucketDir().resolve("imports/unknown/x.csv");
        Files.createDirectories(drop.getParent());
        Files.writeString(drop, "asin,qty\nB000123,4\n");

        var job = eventually(() -> get("/api/ops/imports?kind=unknown").getList("items", java.util.Map.class).stream()
                .filter(j -> "imports/unknown/x.csv".equals(j.get("objectName")) && "FAILED".equals(j.get("status")))
                .findFirst());
        assertThat(job.get("errorsObject")).isEqualTo("imports/unknown/x.csv.errors.csv");
        assertThat(Files.readString(config.bucketDir().resolve("imports/unknown/x.csv.errors.csv")))
                .contains("unknown import kind 'unknown'");

        eventually(() -> Optional.of(get("/api/ops/alerts").getList("items.title", String.class))
                .filter(titles -> titles.contains("Import failed: imports/unknown/x.csv")));
        MimeMessage mail = eventually(() -> Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains("Import failed: imports/unknown/x.csv")).findFirst());
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("allocation@profitzon.net");

        // the errors report written back into the bucket is never imported itself: a file dropped after it is seen
        // by a later scan of the folder, so once that one has its job, the report was passed over
        Path after = config.bucketDir().resolve("imports/unknown/after-the-report.csv");
        Files.writeString(after, "asin,qty\nB000124,5\n");
        eventually(() -> get("/api/ops/imports?kind=unknown&limit=500").getList("items.objectName", String.class)
                .stream().filter("imports/unknown/after-the-report.csv"::equals).findFirst());
        given().header("Authorization", "Bearer " + adminToken).get("/api/ops/imports?limit=500").then()
                .body("items.objectName", not(hasItem("imports/unknown/x.csv.errors.csv")));
    }

    private static String inventoryLots() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (var db = DriverManager.getConnection(url, TestPostgres.USER, "")) {
            var rows = db.createStatement().executeQuery(
                    "select coalesce(string_agg(l::text, E'\\n' order by l.id), '') from inventory_lot l");
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void aSheetDroppedIntoTheDryRunFolderIsCountedAndAnsweredByMailWritingNothing() throws Exception {
        String asin = "BDRY" + Long.toString(System.nanoTime() % 1_000_000L + 1_000_000L).substring(1);
        String lotsBefore = inventoryLots();
        Path drop = config.bucketDir().resolve("imports/inventory/dry-run/eu.csv");
        Files.createDirectories(drop.getParent());
        // a European spreadsheet's "CSV": semicolons, decimal commas, Windows-1252
        Files.write(drop, ("ASIN;Batch;Title;Item Weight;Length;Width;Height;Quantity Purchased;Remaining Quantity;"
                + "Unit Cost;Date Added;Min Shipping Price;Max Shipping Price\n"
                + asin + ";PO-1;Crème brûlée torch;4,2;10;8;4;20;20;8,00;2026-10-01;0,10;12,00\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));

        var job = eventually(() -> get("/api/ops/imports?kind=inventory").getList("items", java.util.Map.class).stream()
                .filter(j -> "imports/inventory/dry-run/eu.csv".equals(j.get("objectName")) && j.get("finishedAt") != null)
                .findFirst());
        assertThat(job.get("status")).as(String.valueOf(job.get("errorSummary"))).isEqualTo("SUCCEEDED");
        assertThat(job.get("dryRun")).isEqualTo(true);
        assertThat(job.get("encoding")).isEqualTo("windows-1252");
        assertThat(job.get("numberConvention")).isEqualTo("DECIMAL_COMMA");
        assertThat(List.of(job.get("rowsNew"), job.get("rowsChanged"), job.get("rowsUnchanged"), job.get("rowsFailed")))
                .containsExactly(1, 0, 0, 0);
        assertThat(inventoryLots()).as("nothing written").isEqualTo(lotsBefore).doesNotContain(asin);
        var one = get("/api/ops/imports/" + job.get("id"));
        assertThat(one.getBoolean("dryRun")).isTrue();
        assertThat(one.getInt("rowsNew")).isEqualTo(1);

        MimeMessage mail = eventually(() -> Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains("Dry run succeeded: imports/inventory/dry-run/eu.csv"))
                .findFirst());
        assertThat(GreenMailUtil.getBody(mail)).contains("nothing was written").contains("1 new, 0 changed, 0 unchanged");
    }

    @Test
    void everyConfiguredScheduleRunsOnALocalTimer() {
        assertThat(schedules.all()).containsKeys("outbox-sweep", "backup");
        List<String> timers = scheduler.getScheduledJobs().stream().map(t -> t.getId()).toList();
        schedules.all().keySet().forEach(job -> assertThat(timers).contains("schedule:" + job));
    }

    @Test
    void theImportSweepRunsRightAfterStartToTakeOverWhatADeadPredecessorLeft() throws Exception {
        assertThat(config.jobsAtStart()).containsExactly("import-sweep");
        eventually(() -> Optional.of(get("/api/ops/job-runs?job=import-sweep").getList("items.status", String.class))
                .filter(statuses -> statuses.contains("SUCCEEDED")));
    }

    @Test
    void aTickRunsTheJobThroughTheJobsFunctionAndIsLogged() {
        long started = System.nanoTime();
        localScheduler.fire("outbox-sweep");
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        var history = get("/api/ops/job-runs?job=outbox-sweep");
        assertThat(history.getString("items[0].status")).isEqualTo("SUCCEEDED");
        assertThat(history.getLong("items[0].durationMs")).as("measured inside the tick").isBetween(0L, tookMs);
        assertThat(history.getString("items[0].job")).isEqualTo("outbox-sweep");
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithTheSameRows() throws Exception {
        accounts.create(new NewAccount("Backed up", "backed-up@test.local", Role.CLIENT));
        localScheduler.fire("backup");

        JobRun run = QuarkusTransaction.requiringNew().call(() -> runs.find("job = ?1 order by id desc", "backup").firstResult());
        assertThat(run.status()).as(run.error()).isEqualTo(JobRunStatus.SUCCEEDED);
        Path dump;
        try (Stream<Path> files = Files.list(Path.of("target/test-var/backups"))) {
            dump = files.filter(f -> f.toString().endsWith(".dump")).max(Path::compareTo).orElseThrow();
        }

        String restored = "restored_" + System.nanoTime();
        var restore = new ProcessBuilder("../../loadout", "restore", dump.toAbsolutePath().toString(), "--into", restored)
                .redirectErrorStream(true);
        restore.environment().put("PGHOST", "localhost");
        restore.environment().put("PGPORT", String.valueOf(TestPostgres.server().getPort()));
        restore.environment().put("PGUSER", TestPostgres.USER);
        var process = restore.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String sourceUrl = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (var source = DriverManager.getConnection(sourceUrl, TestPostgres.USER, "");
             var copy = DriverManager.getConnection(TestPostgres.jdbcUrl(restored), TestPostgres.USER, "")) {
            String query = "select string_agg(email, ',' order by id) from account";
            var expected = source.createStatement().executeQuery(query);
            var actual = copy.createStatement().executeQuery(query);
            expected.next();
            actual.next();
            assertThat(actual.getString(1)).isEqualTo(expected.getString(1)).contains("backed-up@test.local");
        }
    }
}
