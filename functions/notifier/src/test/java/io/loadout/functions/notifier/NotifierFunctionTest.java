package io.loadout.functions.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.alert.AlertRepository;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithFunction(value = FunctionType.FUNQY_CLOUD_EVENTS, functionName = "notify")
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NotifierFunctionTest {

    @Inject
    AlertRepository alerts;

    private static String importFinished(UUID id, String status, String object) {
        return """
                {"id":"%s","type":"import.finished","version":1,"occurredAt":"2026-11-21T10:00:00Z","accountId":null,
                 "payload":{"jobId":41,"kind":"unknown","objectName":"%s","status":"%s","rowsTotal":0,"rowsSucceeded":0,
                 "rowsFailed":0,"errorsObject":"imports/unknown/x.csv.errors.csv","summary":"file, kind: unknown import kind"}}"""
                .formatted(id, object, status);
    }

    private static void deliver(String envelope) {
        CloudEvents.deliverTo(null, CloudEvents.PUBSUB_PUBLISHED, "//pubsub.googleapis.com/projects/p/topics/loadout-events",
                CloudEvents.pubSubMessage(CloudEvents.newId(), envelope, Map.of("type", "import.finished")))
                .then().statusCode(200);
    }

    private static long mailsWithSubjectContaining(String text) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    @Test
    void aFailedImportMailsTheAdminAndRaisesOneAlertHoweverOftenItIsDelivered() throws Exception {
        UUID id = UUID.randomUUID();
        String envelope = importFinished(id, "FAILED", "imports/unknown/notify.csv");

        deliver(envelope);
        deliver(envelope);
        deliver(envelope);

        assertThat(mailsWithSubjectContaining("imports/unknown/notify.csv")).isEqualTo(1);
        MimeMessage mail = Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains("notify.csv");
                    } catch (Exception e) {
                        return false;
                    }
                }).findFirst().orElseThrow();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("allocation@profitzon.net");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("imports/unknown/x.csv.errors.csv");
        var raised = QuarkusTransaction.requiringNew().call(() -> alerts.list("sourceEventId", id));
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.title()).contains("Import failed");
            assertThat(a.code()).isEqualTo("import.failed");
        });
    }

    @Test
    void aFailedJobRaisesACriticalAlertAndAMail() {
        UUID id = UUID.randomUUID();
        deliver("""
                {"id":"%s","type":"job.failed","version":1,"occurredAt":"2026-11-21T10:00:00Z","accountId":null,
                 "payload":{"job":"nightly-report","runId":77,"error":"IOException: disk full"}}""".formatted(id));

        assertThat(mailsWithSubjectContaining("Job failed: nightly-report")).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> alerts.list("sourceEventId", id))).singleElement()
                .satisfies(a -> {
                    assertThat(a.severity().name()).isEqualTo("CRITICAL");
                    assertThat(a.detail()).isEqualTo("run 77: IOException: disk full");
                });
    }

    @Test
    void aCleanImportStaysQuiet() {
        UUID id = UUID.randomUUID();
        deliver(importFinished(id, "SUCCEEDED", "imports/x/clean.csv"));

        assertThat(mailsWithSubjectContaining("clean.csv")).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> alerts.count("sourceEventId", id))).isZero();
    }
}
