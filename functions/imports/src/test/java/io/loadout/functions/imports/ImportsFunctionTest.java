package io.loadout.functions.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import io.loadout.imports.ImportJobRepository;
import io.loadout.imports.ImportStatus;
import io.loadout.testing.CloudEvents;
import io.loadout.testing.PostgresResource;
import io.loadout.testing.PubSubServerResource;
import io.quarkus.google.cloud.functions.test.FunctionType;
import io.quarkus.google.cloud.functions.test.WithFunction;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithFunction(value = FunctionType.FUNQY_CLOUD_EVENTS, functionName = "importObject")
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(PubSubServerResource.class)
class ImportsFunctionTest {

    @Inject
    ImportJobRepository jobs;

    /** Uploads the object; the in-memory storage sets no generation, so the test picks the event's. */
    private void upload(String name, String content) {
        InMemoryStorage.STORAGE.create(BlobInfo.newBuilder(BlobId.of("test-bucket", name)).build(),
                content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFinalizeEventDeliveredThreeTimesMakesOneFailedJobForAnUnknownKind() {
        String name = "imports/unknown/x.csv";
        long generation = 1732183200000001L;
        upload(name, "a,b\n1,2\n");
        String data = CloudEvents.storageObjectData("test-bucket", name, generation, 8);

        for (int delivery = 0; delivery < 3; delivery++) {
            CloudEvents.post("evt-1", CloudEvents.STORAGE_FINALIZED, "//storage.googleapis.com/projects/_/buckets/test-bucket", data)
                    .then().statusCode(200);
        }

        var found = QuarkusTransaction.requiringNew().call(() -> jobs.list("objectName", name));
        assertThat(found).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(job.kind()).isEqualTo("unknown");
            assertThat(job.generation()).isEqualTo(generation);
            assertThat(job.errorsObject()).isEqualTo("imports/unknown/x.csv.errors.csv");
        });
        var errors = InMemoryStorage.STORAGE.get(BlobId.of("test-bucket", "imports/unknown/x.csv.errors.csv"));
        assertThat(new String(errors.getContent(), StandardCharsets.UTF_8)).contains("unknown import kind 'unknown'");
        assertThat(PubSubServerResource.ofType("import.finished"))
                .filteredOn(p -> p.message().getData().toStringUtf8().contains(name))
                .singleElement()
                .satisfies(p -> assertThat(p.topic()).isEqualTo("projects/test-project/topics/loadout-events"));
    }

    @Test
    void anUndecodableEventIsDroppedWithoutHarm() {
        CloudEvents.post("evt-bad", CloudEvents.STORAGE_FINALIZED, "//storage", "{\"bucket\":\"b\",\"generation\":\"x\"}")
                .then().statusCode(200);
        CloudEvents.post("evt-wrong", "google.cloud.pubsub.topic.v1.messagePublished", "//pubsub", "{}")
                .then().statusCode(200);
    }
}
