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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tenant-isolation sweep (issue 10): tenant A, a CLIENT, against every operation of the stack's OpenAPI
 * document, aimed at tenant B's data. Same test resources as LocalStackTest, so Quarkus starts once for all.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(GreenMailResource.class)
class TenantIsolationTest {

    @TestHTTPResource("/")
    URL base;
    @Inject
    AccountService accounts;
    @Inject
    LocalConfig config;

    @Test
    void noTenantSeesOrChangesAnotherTenantsData() throws Exception {
        var admin = accounts.create(new NewAccount("Sweep operator", "sweep-operator@test.local", Role.ADMIN));
        String adminToken = accounts.issueToken(admin.id(), new NewToken("sweep", null)).secret().value();
        var api = new Api(URI.create(base.toString()));
        var tenants = TenantFixture.seed(api, adminToken, config.bucketDir());

        var document = OpenApiOperations.fetch(api.base());
        List<Operation> operations = document.all();
        Map<String, Operation> byKey = operations.stream().collect(Collectors.toMap(Operation::key, Function.identity()));
        var sweep = new TenantSweep(document, tenants);
        var asA = new HostileClient(api.base(), Map.of(Caller.CLIENT, tenants.a.token()));
        var asB = new HostileClient(api.base(), Map.of(Caller.CLIENT, tenants.b.token()));

        var reads = sweep.reads(operations);
        var writes = sweep.writes(operations);
        long started = System.nanoTime();
        var readOutcomes = asA.sendAll(reads);
        var writeOutcomes = asA.sendAll(writes);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        var leaks = sweep.judgeReads(readOutcomes);
        var writeFindings = sweep.judgeWrites(writeOutcomes, byKey);
        // the detector's own proof: the same bare reads as B show B's marker, and A's show A's
        var bare = reads.stream().filter(c -> !c.mutation().startsWith("filter")).toList();
        long bSeesItself = TenantSweep.showing(asB.sendAll(bare), TenantFixture.B_MARKER);
        long aSeesItself = TenantSweep.showing(readOutcomes, TenantFixture.A_MARKER);

        long through = writeFindings.stream().filter(f -> f.kind().equals(TenantSweep.WRITE_THROUGH)).count();
        String figures = """
                === tenant-isolation sweep ===
                  operations covered: %d reads, %d writes (of %d in the OpenAPI document)
                  requests made as tenant A: %d (%d s)
                  leaks: %d   writes that got through: %d   writes not refused with 403/404: %d
                  detector check: B's marker in %d of B's own bare reads, A's marker in %d of A's reads
                  B's data aimed at: %s; hidden catalog: %s
                """.formatted(reads.stream().map(HostileCase::operation).distinct().count(),
                writes.stream().map(HostileCase::operation).distinct().count(), operations.size(),
                reads.size() + writes.size(), seconds, leaks.size(), through, writeFindings.size() - through,
                bSeesItself, aSeesItself, new java.util.TreeSet<>(tenants.b.ids().keySet()),
                tenants.hidden.keySet());
        var findings = new java.util.ArrayList<>(leaks);
        findings.addAll(writeFindings);
        String report = figures + FindingReport.grouped(findings);
        Path file = Path.of("target/hostile/tenant-sweep.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        var all = new java.util.ArrayList<>(readOutcomes);
        all.addAll(writeOutcomes);
        Files.write(file.resolveSibling("tenant-sweep-requests.tsv"), all.stream()
                .map(o -> o.status() + "\t" + o.hostileCase().describe()).toList());
        System.out.println(report + "  (report: " + file.toAbsolutePath() + ")");

        assertThat(bSeesItself).as("B's own reads showing B's marker (the detector works)").isGreaterThanOrEqualTo(3);
        assertThat(aSeesItself).as("A's reads showing A's own data (the sweep is not all refusals)").isGreaterThanOrEqualTo(3);
        assertThat(findings.size()).as(figures + "(each listed above)").isZero();
    }
}
