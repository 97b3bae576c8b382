package io.loadout.functions.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.jobs.JobRun;
import io.loadout.jobs.JobRunRepository;
import io.loadout.jobs.JobRunStatus;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.PartnerPeer;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithFunction(value = FunctionType.FUNQY_CLOUD_EVENTS, functionName = "runJob")
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
@QuarkusTestResource(PartnerPeer.class)
class JobsFunctionTest {

    @Inject
    JobRunRepository runs;
    @Inject
    EntityManager em;

    private static void tick(String messageId, String job) {
        CloudEvents.post(CloudEvents.newId(), CloudEvents.PUBSUB_PUBLISHED, "//pubsub.googleapis.com/projects/p/topics/loadout-jobs",
                CloudEvents.pubSubMessage(messageId, "{\"job\":\"" + job + "\"}", Map.of())).then().statusCode(200);
    }

    private List<JobRun> runsOf(String messageId) {
        return QuarkusTransaction.requiringNew().call(() -> runs.list("triggerId", messageId));
    }

    @Test
    void outboxSweepRepublishesStuckEventsAndARedeliveredTickRunsOnce() {
        UUID stuck = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into outbox_event (id, type, version, occurred_at, payload)
                values (:id, 'test.stuck', 1, :at, '{"n":1}')""")
                .setParameter("id", stuck).setParameter("at", Instant.now().minusSeconds(3600)).executeUpdate());
        String messageId = CloudEvents.newId();

        tick(messageId, "outbox-sweep");
        tick(messageId, "outbox-sweep");

        assertThat(runsOf(messageId)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRunStatus.SUCCEEDED);
            assertThat(run.itemsProcessed()).isGreaterThanOrEqualTo(1);
            assertThat(run.durationMs()).isNotNull();
            assertThat(run.finishedAt()).isNotNull();
        });
        assertThat(PubSubServerResource.received()).filteredOn(p -> stuck.toString().equals(p.attribute("id"))).hasSize(1);
        Object publishedAt = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select published_at from outbox_event where id = :id").setParameter("id", stuck).getSingleResult());
        assertThat(publishedAt).isNotNull();
    }

    @Test
    void aFailingJobIsRecordedAndAnnouncedAndDoesNotStopTheNext() {
        String failing = CloudEvents.newId();
        String unknown = CloudEvents.newId();
        String next = CloudEvents.newId();

        tick(failing, "backup");
        tick(unknown, "no-such-job");
        tick(next, "outbox-sweep");

        assertThat(runsOf(failing)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
            assertThat(run.error()).contains("local backups are disabled");
        });
        assertThat(runsOf(unknown)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
            assertThat(run.error()).contains("unknown job 'no-such-job'").contains("outbox-sweep");
        });
        assertThat(runsOf(next)).singleElement().satisfies(run -> assertThat(run.status()).isEqualTo(JobRunStatus.SUCCEEDED));
        assertThat(PubSubServerResource.ofType("job.failed"))
                .extracting(p -> p.message().getData().toStringUtf8())
                .anySatisfy(data -> assertThat(data).contains("no-such-job"))
                .anySatisfy(data -> assertThat(data).contains("\"job\":\"backup\""));
    }

    @Test
    void theAutoFbaPullFetchesTheFeedOverHttpWithItsTokenAndAppliesIt() {
        String client = "C-" + UUID.randomUUID();
        PartnerPeer.answer(PartnerPeer.AUTOFBA_PATH, 200, "application/json", """
                {"clients": [{"id": "%s", "name": "Pulled over HTTP", "updatedAt": "2026-11-20T10:00:00Z", "stores": []}]}"""
                .formatted(client));
        String messageId = CloudEvents.newId();

        tick(messageId, "autofba-pull");

        assertThat(runsOf(messageId)).singleElement().satisfies(run -> {
            assertThat(run.status()).as(run.error()).isEqualTo(JobRunStatus.SUCCEEDED);
            assertThat(run.itemsProcessed()).isEqualTo(1);
        });
        assertThat(PartnerPeer.requests()).contains("GET " + PartnerPeer.AUTOFBA_PATH + " Bearer " + PartnerPeer.AUTOFBA_TOKEN);
        Object name = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select name from alloc_client where external_id = :id").setParameter("id", client).getSingleResult());
        assertThat(name).isEqualTo("Pulled over HTTP");
    }

    @Test
    void aSheetThatDoesNotAnswerFailsThePollWithTheStatus() {
        PartnerPeer.answer(PartnerPeer.SHEET_PATH, 503, "text/plain", "down");
        String messageId = CloudEvents.newId();

        tick(messageId, "inventory-sheet-poll");

        assertThat(runsOf(messageId)).singleElement().satisfies(run -> {
            assertThat(run.status()).isEqualTo(JobRunStatus.FAILED);
            assertThat(run.error()).contains("GET 127.0.0.1" + PartnerPeer.SHEET_PATH + " answered 503");
        });
    }
}
