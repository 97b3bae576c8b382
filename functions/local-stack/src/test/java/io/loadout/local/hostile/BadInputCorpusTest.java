package io.loadout.local.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.NewToken;
import io.loadout.account.Role;
import io.loadout.local.LocalConfig;
import io.loadout.local.hostile.HostileCase.Caller;
import io.loadout.testing.GreenMailResource;
import io.loadout.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus (issue 10) against every operation of the stack's OpenAPI document: 0 × 5xx, every
 * field-level 400 names its field, nothing internal in a body, nothing stored lost. Same test resources as
 * LocalStackTest, so Quarkus starts once for both.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class BadInputCorpusTest {

    private static final Set<String> INFO_ONLY = Set.of(CorpusVerdicts.UNAUTHENTICATED_NOT_401);

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountService accounts;
    @Inject
    LocalConfig config;

    @Test
    void everyOperationSurvivesTheCorpus() throws Exception {
        var admin = accounts.create(new NewAccount("Corpus operator", "corpus-operator@test.local", Role.ADMIN));
        String adminToken = accounts.issueToken(admin.id(), new NewToken("corpus", null)).secret().value();
        var api = new Api(URI.create(base.toString()));
        var fixture = CorpusFixture.seed(api, adminToken, config.bucketDir());

        var document = OpenApiOperations.fetch(api.base());
        List<Operation> operations = document.all();
        Map<String, Operation> byKey = operations.stream().collect(Collectors.toMap(Operation::key, Function.identity()));
        var corpus = new BadInputCorpus(document, new SampleBodies(document, fixture::hint, "corpus"), fixture::uri,
                CorpusFixture.STORE, CorpusFixture.ASIN);
        var tokens = new HashMap<Caller, String>(Map.of(Caller.ADMIN, adminToken, Caller.CLIENT, fixture.clientToken));
        var client = new HostileClient(api.base(), tokens);

        var baselines = CorpusBaselines.probe(operations, corpus, client, fixture);
        baselines.notes.forEach(note -> System.out.println("corpus: " + note));

        var rowsBefore = StoredData.rowCounts();
        var readsBefore = SeededReads.take(api, adminToken, fixture.seededReads);
        List<HostileCase> cases = corpus.cases(operations, baselines.samples, baselines.requiredQuery);
        long started = System.nanoTime();
        var outcomes = client.sendAll(cases);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        var lostRows = StoredData.losses(rowsBefore, StoredData.rowCounts());
        var lostReads = SeededReads.differences(readsBefore, SeededReads.take(api, adminToken, fixture.seededReads));

        var findings = CorpusVerdicts.judge(outcomes, byKey, baselines.excused);
        var counts = FindingReport.counts(findings);
        long covered = cases.stream().map(HostileCase::operation).distinct().count();
        String figures = """
                === bad-input corpus ===
                  operations in the OpenAPI document: %d, covered: %d
                  cases tried: %d (%d s)   as ADMIN %d, as CLIENT %d, without a token %d
                  5xx: %d   no response: %d   unnamed field: %d   misnamed field: %d   leaked internals: %d   accepted invalid: %d
                  no token but not 401 (info): %d
                  stored data lost: %s
                """.formatted(operations.size(), covered, outcomes.size(), seconds,
                cases.stream().filter(c -> c.caller() == Caller.ADMIN).count(),
                cases.stream().filter(c -> c.caller() == Caller.CLIENT).count(),
                cases.stream().filter(c -> c.caller() == Caller.NONE).count(),
                counts.getOrDefault(CorpusVerdicts.SERVER_ERROR, 0L), counts.getOrDefault(CorpusVerdicts.NO_RESPONSE, 0L),
                counts.getOrDefault(CorpusVerdicts.UNNAMED, 0L), counts.getOrDefault(CorpusVerdicts.MISNAMED, 0L),
                counts.getOrDefault(CorpusVerdicts.LEAKED, 0L), counts.getOrDefault(CorpusVerdicts.ACCEPTED, 0L),
                counts.getOrDefault(CorpusVerdicts.UNAUTHENTICATED_NOT_401, 0L),
                lostRows.isEmpty() && lostReads.isEmpty() ? "nothing" : lostRows + " " + lostReads);
        var failures = findings.stream().filter(f -> !INFO_ONLY.contains(f.kind())).toList();
        String report = figures + FindingReport.grouped(findings);
        Path file = Path.of("target/hostile/bad-input-corpus.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report + "\nnotes:\n" + String.join("\n", baselines.notes) + "\n");
        Files.write(file.resolveSibling("bad-input-outcomes.tsv"), outcomes.stream()
                .map(o -> o.status() + "\t" + o.hostileCase().describe()).toList());
        System.out.println(figures + (failures.isEmpty() ? "" : FindingReport.grouped(failures))
                + "  (full report: " + file.toAbsolutePath() + ")");

        assertThat(outcomes.size()).as("cases tried").isGreaterThanOrEqualTo(1000);
        assertThat(covered).as("operations covered").isEqualTo(operations.size());
        assertThat(lostRows).as("tables that lost rows").isEmpty();
        assertThat(lostReads).as("seeded rows no longer intact").isEmpty();
        assertThat(failures.size()).as(figures + "(each listed above)").isZero();
    }
}
