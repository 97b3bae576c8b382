package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.imports.ImportResult.ReadFacts;
import io.loadout.imports.table.NumberConvention;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dry-run folder, the legacy report name and the row outcomes, as plain rules. */
class ImportDryRunRulesTest {

    private static ImportPath path(String name) {
        return ImportPath.parse(name).orElseThrow();
    }

    @Test
    void aFileUnderTheKindsDryRunFolderIsADryRunOfThatKind() {
        assertThat(path("imports/inventory/dry-run/sheet.csv")).isEqualTo(
                new ImportPath("imports/inventory/dry-run/sheet.csv", "inventory", true));
        assertThat(path("imports/catalog/dry-run/2026/prices.xlsx")).extracting(ImportPath::kind, ImportPath::dryRun)
                .containsExactly("catalog", true);
        assertThat(path("imports/inventory/sheet.csv").dryRun()).isFalse();
        // only the folder right under the kind, named exactly so
        assertThat(path("imports/inventory/2026/dry-run/sheet.csv").dryRun()).isFalse();
        assertThat(path("imports/inventory/dry-run.csv").dryRun()).isFalse();
        assertThat(path("imports/inventory/dry-runs/sheet.csv").dryRun()).isFalse();
        assertThat(path("imports/inventory/Dry-Run/sheet.csv").dryRun()).isFalse();
        assertThat(path("imports/dry-run/sheet.csv")).extracting(ImportPath::kind, ImportPath::dryRun)
                .containsExactly("dry-run", false);
        assertThat(ImportPath.parse("imports/inventory/dry-run/")).isEmpty();
        assertThat(ImportPath.parse("imports/inventory/dry-run/sheet.csv.errors.csv")).isEmpty();
    }

    @Test
    void aDryRunsReportLiesBesideItInTheDryRunFolder() {
        assertThat(path("imports/inventory/dry-run/sheet.csv").errorsObject())
                .isEqualTo("imports/inventory/dry-run/sheet.csv.errors.csv");
    }

    @Test
    void theLegacyReportNameIsTheNameWithoutItsExtension() {
        assertThat(path("imports/inventory/sheet.csv").legacyErrorsObject())
                .contains("imports/inventory/sheet.errors.csv");
        assertThat(path("imports/inventory/sheet.v2.xlsx").legacyErrorsObject())
                .contains("imports/inventory/sheet.v2.errors.csv");
        assertThat(path("imports/inventory/noext").legacyErrorsObject()).isEqualTo(Optional.empty());
        assertThat(path("imports/x.y/data").legacyErrorsObject()).isEmpty();
    }

    @Test
    void outcomesSplitTheAppliedRowsAndAreZeroWhenNothingWasApplied() {
        var error = new RowError(2, "qty", "not a number");
        assertThat(new ImportResult(3, 0, List.of(error)).outcomes()).isEqualTo(new Outcomes(0, 0, 0));
        assertThat(new ImportResult(3, 3, List.of()).outcomes()).as("not counted").isNull();
        var applied = ImportResult.applied(new Outcomes(3, 2, 1), null);
        assertThat(applied.rowsTotal()).isEqualTo(6);
        assertThat(applied.rowsFailed()).isZero();
        assertThat(applied.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThatThrownBy(() -> new ImportResult(6, 5, List.of(error), null, new Outcomes(3, 2, 1), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not add up");
        assertThatThrownBy(() -> new Outcomes(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDetailAndReadFactsSurviveANote() {
        var result = ImportResult.applied(new Outcomes(1, 0, 0), "x")
                .withRead(new ImportResult.ReadFacts("windows-1252", null));
        var noted = result.withDetail("x; note");
        assertThat(noted.outcomes()).isEqualTo(new Outcomes(1, 0, 0));
        assertThat(noted.read().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void theJobRecordsHowTheFileWasReadAndWhatEachRowBecameAndItsEventCarriesIt() {
        var now = Instant.parse("2026-11-21T10:00:00Z");
        var job = new ImportJob(7, "inventory", new StoredObject("b", "imports/inventory/dry-run/a.csv", 42, 10L,
                "text/csv"), now);
        assertThat(job.dryRun()).isTrue();
        assertThat(job.claim(now, now.minusSeconds(600), 3)).isInstanceOf(ImportClaim.Taken.class);

        var event = job.finish(1, ImportResult.applied(new Outcomes(3, 2, 1), "d")
                .withRead(new ReadFacts("windows-1252", NumberConvention.DECIMAL_COMMA)), "sum", null, now);

        assertThat(List.of(job.rowsNew(), job.rowsChanged(), job.rowsUnchanged(), job.rowsFailed(), job.rowsTotal()))
                .containsExactly(3, 2, 1, 0, 6);
        assertThat(job.encoding()).isEqualTo("windows-1252");
        assertThat(job.numberConvention()).isEqualTo("DECIMAL_COMMA");
        assertThat(event.dryRun()).isTrue();
        assertThat(event.outcomes()).isEqualTo("3 new, 2 changed, 1 unchanged, 0 failed");
        assertThat(event.encoding()).isEqualTo("windows-1252");
        assertThat(new ImportJob(8, "inventory", new StoredObject("b", "imports/inventory/a.csv", 1, 1L, "text/csv"),
                now).dryRun()).isFalse();
    }

    @Test
    void aJobThatNeverReadItsFileRecordsNoReadFactsAndZeroOutcomes() {
        var now = Instant.parse("2026-11-21T10:00:00Z");
        var job = new ImportJob(9, "x", new StoredObject("b", "imports/x/a.csv", 42, 10L, "text/csv"), now);
        job.claim(now, now.minusSeconds(600), 3);
        job.finish(1, ImportResult.rejected(new RowError(0, "kind", "unknown")), "sum", null, now);
        assertThat(job.encoding()).isNull();
        assertThat(job.numberConvention()).isNull();
        assertThat(List.of(job.rowsNew(), job.rowsChanged(), job.rowsUnchanged())).containsExactly(0, 0, 0);
    }
}
