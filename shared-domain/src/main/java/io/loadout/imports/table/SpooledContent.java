package io.loadout.imports.table;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-shot stream made re-openable by copying it to a temporary file (deleted on close): memory stays bounded
 * for callers that are handed an {@link InputStream} rather than the bucket object.
 */
public final class SpooledContent implements Content, AutoCloseable {

    private final Path file;

    private SpooledContent(Path file) {
        this.file = file;
    }

    public static SpooledContent of(InputStream in) throws IOException {
        Path file = Files.createTempFile("import-", ".spool");
        try (var out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpooledContent(file);
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
