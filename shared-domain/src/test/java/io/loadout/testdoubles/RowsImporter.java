package io.loadout.testdoubles;

import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test-only import kind "rows": each line is a row; a line "bad" is refused, "boom" throws, "hook" runs
 * {@link #whileImporting} (once) in the middle of the import. Valid rows are applied even when others fail (a
 * PARTIAL importer), to exercise every status.
 */
@Singleton
public class RowsImporter implements Importer {

    public final List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final AtomicReference<Runnable> whileImporting = new AtomicReference<>();

    @Override
    public String kind() {
        return "rows";
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        List<RowError> errors = new ArrayList<>();
        int total = 0;
        int ok = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            total++;
            switch (line) {
                case "bad" -> errors.add(new RowError(total, "value", "bad row"));
                case "boom" -> throw new IllegalStateException("importer crashed");
                default -> {
                    if ("hook".equals(line)) {
                        Optional.ofNullable(whileImporting.getAndSet(null)).ifPresent(Runnable::run);
                    }
                    applied.add(line);
                    ok++;
                }
            }
        }
        return new ImportResult(total, ok, errors);
    }
}
