package io.loadout.imports;

import io.loadout.imports.ImportResult.ReadFacts;
import io.loadout.imports.table.FileRefused;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.RowModel;
import io.loadout.imports.table.SpooledContent;
import io.loadout.imports.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * How every importer opens its file: spooled (re-openable, memory bounded), sniffed and opened within the job's
 * limits, its header matched against the kind's row model. A refusal of the whole file, before or while its rows
 * are read (then perhaps during a COPY into staging), rejects the import after a rollback
 * ({@link ImportRejected#fileRefused}), saying how far the file was read.
 */
public final class SheetImport {

    private static final Logger LOG = Logger.getLogger(SheetImport.class);

    private SheetImport() {
    }

    /** {@code apply}: the importer's work on the opened sheet; its result records how the file was read. */
    public static ImportResult read(InputStream content, Importer.ImportContext context, RowModel model, Clock clock,
                                    Function<ModelReader, ImportResult> apply) throws IOException {
        long opened = System.nanoTime();
        try (var file = SpooledContent.of(content)) {
            var table = Table.open(file, context.limits());
            try {
                var sheet = model.read(table, clock);
                LOG.infof("import job %d: spooled, sniffed and header read in %d ms", context.jobId(),
                        (System.nanoTime() - opened) / 1_000_000);
                return ReadFacts.recorded(sheet, () -> apply.apply(sheet));
            } catch (FileRefused e) {
                throw ImportRejected.fileRefused(e, ReadFacts.encodingOf(table));
            }
        } catch (FileRefused e) {
            throw ImportRejected.fileRefused(e, null);
        }
    }
}
