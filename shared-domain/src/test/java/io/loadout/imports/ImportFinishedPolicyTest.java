package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.event.EventEnvelope;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who hears of a finished import: failures raise an alert and a mail; a dry run's answer is a mail only. */
class ImportFinishedPolicyTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ImportFinishedPolicy policy = new ImportFinishedPolicy(json, () -> "ops@test.local");

    private EventEnvelope envelope(ImportFinished event) {
        return new EventEnvelope(UUID.randomUUID(), ImportFinished.TYPE, 1, Instant.EPOCH, null, json.valueToTree(event));
    }

    private static ImportFinished finished(ImportStatus status, boolean dryRun) {
        return new ImportFinished(5, "inventory", "imports/inventory/dry-run/s.csv", status, 6, status == ImportStatus.FAILED
                ? 0 : 6, status == ImportStatus.FAILED ? 6 : 0, null, null, null, dryRun, 3, 2, 1, "windows-1252",
                "DECIMAL_COMMA");
    }

    @Test
    void aDryRunAnswersByMailSayingSoAndRaisesNoAlert() {
        var succeeded = policy.notificationFor(envelope(finished(ImportStatus.SUCCEEDED, true))).orElseThrow();
        assertThat(succeeded.alert()).isNull();
        assertThat(succeeded.mail().subject()).isEqualTo("[Loadout] Dry run succeeded: imports/inventory/dry-run/s.csv");

        var failed = policy.notificationFor(envelope(finished(ImportStatus.FAILED, true))).orElseThrow();
        assertThat(failed.alert()).isNull();
        assertThat(failed.mail().subject()).startsWith("[Loadout] Dry run failed:");
    }

    @Test
    void aRealImportStaysQuietOnSuccessAndAlertsOnFailure() {
        assertThat(policy.notificationFor(envelope(finished(ImportStatus.SUCCEEDED, false)))).isEmpty();
        var failed = policy.notificationFor(envelope(finished(ImportStatus.FAILED, false))).orElseThrow();
        assertThat(failed.alert().title()).startsWith("Import failed:");
    }

    @Test
    void anEventRecordedBeforeTheNewFieldsIsARealImportWithoutCounts() throws Exception {
        var old = json.readTree("""
                {"jobId":41,"kind":"unknown","objectName":"imports/unknown/x.csv","status":"FAILED","rowsTotal":0,
                 "rowsSucceeded":0,"rowsFailed":0,"errorsObject":null,"summary":"unknown kind","detail":null}""");
        var event = new EventEnvelope(UUID.randomUUID(), ImportFinished.TYPE, 1, Instant.EPOCH, null, old)
                .payloadAs(ImportFinished.class, json);
        assertThat(event.dryRun()).isFalse();
        assertThat(event.rowsNew()).isNull();
        assertThat(event.outcomes()).isNull();
        assertThat(policy.notificationFor(new EventEnvelope(UUID.randomUUID(), ImportFinished.TYPE, 1, Instant.EPOCH,
                null, old)).orElseThrow().alert()).isNotNull();
    }
}
