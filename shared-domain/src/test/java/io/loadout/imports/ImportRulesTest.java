package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImportRulesTest {

    @Test
    void theKindIsTheFolderUnderImports() {
        assertThat(ImportPath.parse("imports/catalog/2026/prices.xlsx")).get()
                .extracting(ImportPath::kind).isEqualTo("catalog");
        assertThat(ImportPath.parse("imports/orphan.csv")).get().extracting(ImportPath::kind).isEqualTo("");
        assertThat(ImportPath.parse("imports/x/")).isEmpty();
        assertThat(ImportPath.parse("imports/x/a.errors.csv")).isEmpty();
        assertThat(ImportPath.parse("catalog/1/photo.jpg")).isEmpty();
        assertThat(ImportPath.parse(null)).isEmpty();
    }

    @Test
    void theErrorsReportIsNamedAfterTheWholeObjectNameAndIsNoImport() {
        assertThat(ImportPath.parse("imports/x/data.csv").orElseThrow().errorsObject()).isEqualTo("imports/x/data.csv.errors.csv");
        assertThat(ImportPath.parse("imports/x/data.xlsx").orElseThrow().errorsObject()).isEqualTo("imports/x/data.xlsx.errors.csv");
        assertThat(ImportPath.parse("imports/x/noext").orElseThrow().errorsObject()).isEqualTo("imports/x/noext.errors.csv");
        assertThat(ImportPath.parse("imports/x.y/data").orElseThrow().errorsObject()).isEqualTo("imports/x.y/data.errors.csv");
        assertThat(ImportPath.parse(ImportPath.parse("imports/x/data.csv").orElseThrow().errorsObject())).isEmpty();
    }

    @Test
    void statusFollowsWhatWasApplied() {
        var error = new RowError(2, "qty", "not a number");
        assertThat(new ImportResult(3, 3, List.of()).status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(new ImportResult(3, 2, List.of(error)).status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(new ImportResult(3, 0, List.of(error)).status()).isEqualTo(ImportStatus.FAILED);
        assertThat(new ImportResult(3, 2, List.of(error)).rowsFailed()).isEqualTo(1);
    }
}
