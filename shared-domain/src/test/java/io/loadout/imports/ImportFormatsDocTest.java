package io.loadout.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.allocation.InventorySheet;
import io.loadout.catalog.CatalogSheet;
import io.loadout.imports.table.Limits;
import io.loadout.imports.table.RowModel;
import io.loadout.imports.table.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's "Import formats" section and {@code docs/examples/<kind>.csv} are generated from the row models and
 * must match them: this test fails when a column changes and the docs do not. Regenerate with
 * {@code ./mvnw -pl shared-domain test -Dtest=ImportFormatsDocTest -Dloadout.docs.write=true}.
 */
class ImportFormatsDocTest {

    static final List<RowModel> MODELS = List.of(InventorySheet.MODEL, CatalogSheet.MODEL);
    static final Path ROOT = Path.of("..");
    static final String BEGIN = "<!-- import-formats:begin (generated from the row models by ImportFormatsDocTest;"
            + " do not edit by hand) -->\n";
    static final String END = "<!-- import-formats:end -->\n";
    static final boolean WRITE = Boolean.getBoolean("loadout.docs.write");

    static String section() {
        var out = new StringBuilder(BEGIN);
        for (var model : MODELS) {
            out.append("\n### ").append(model.kind()).append(" (`imports/").append(model.kind()).append("/`)\n\n")
                    .append("Example file: [docs/examples/").append(model.kind()).append(".csv](docs/examples/")
                    .append(model.kind()).append(".csv).")
                    .append(model.ignoresUnknownColumns() ? " Other columns are ignored and named in the job's detail." : "")
                    .append("\n\n").append(model.markdownTable());
        }
        return out.append('\n').append(END).toString();
    }

    @Test
    void theReadmeShowsEachKindsColumnsAsTheRowModelDeclaresThem() throws IOException {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("README.md has the generated section's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = text.substring(begin, end + END.length());
        if (WRITE) {
            Files.writeString(readme, text.replace(current, section()), StandardCharsets.UTF_8);
            current = section();
        }
        assertThat(current).as("README.md import formats are out of date: regenerate them (see this test's comment)")
                .isEqualTo(section());
    }

    @Test
    void eachKindHasAnExampleFileGeneratedFromItsRowModel() throws IOException {
        for (var model : MODELS) {
            Path example = ROOT.resolve("docs/examples/" + model.kind() + ".csv");
            if (WRITE) {
                Files.writeString(example, model.exampleCsv(), StandardCharsets.UTF_8);
            }
            assertThat(example).as(example + " is out of date: regenerate it (see this test's comment)")
                    .exists().hasContent(model.exampleCsv());
        }
    }

    @Test
    void eachExampleReadsThroughItsRowModelWithoutErrors() throws IOException {
        var today = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        for (var model : MODELS) {
            byte[] example = model.exampleCsv().getBytes(StandardCharsets.UTF_8);
            var reader = model.read(Table.open(() -> new java.io.ByteArrayInputStream(example), Limits.DEFAULT), today);
            try (var rows = reader.rows()) {
                assertThat(rows.next().errors()).as(model.kind()).isEmpty();
                assertThat(rows.hasNext()).isFalse();
            }
        }
    }
}
