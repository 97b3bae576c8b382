package io.loadout.allocation;

import static io.loadout.allocation.InventorySheet.DIMENSIONS;

import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.SheetImport;
import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.imports.ImportResult.ReadFacts;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.table.Column;
import io.loadout.imports.table.ModelReader;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The buying sheet ({@code imports/inventory/*.csv}, also what the sheet poll drops there): one row per purchase
 * of an ASIN, upserted by (ASIN, batch). All or nothing: every bad row is reported and nothing is written. A row
 * may not lower the remaining quantity below the units already allocated from it. The result says how many rows
 * were new, changed and unchanged; new stock for preordered ASINs goes to the preorders first. The columns are
 * declared in {@link InventorySheet}; reading, encodings, numbers and dates are {@code io.loadout.imports.table}'s,
 * and every error's row is the file line (the header is line 1). Rows stream through: each valid one is copied into
 * the job's staging table as it is read ({@link StagedLots}), so memory does not grow with the file (only with its
 * errors); the checks across rows and the writes are set-based SQL there. A dry run runs every check, then counts
 * what the writes would do from the same staging table ({@link StagedLots#wouldApply}) instead of writing.
 */
@ApplicationScoped
public class InventoryImporter implements Importer {

    public static final String KIND = "inventory";
    private static final Logger LOG = Logger.getLogger(InventoryImporter.class);

    private final StagedLots staged;
    private final Clock clock;
    private final PreorderArrivals arrivals;

    InventoryImporter(StagedLots staged, Clock clock, PreorderArrivals arrivals) {
        this.staged = staged;
        this.clock = clock;
        this.arrivals = arrivals;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        return SheetImport.read(content, context, InventorySheet.MODEL, clock, sheet -> apply(sheet, context));
    }

    private ImportResult apply(ModelReader sheet, ImportContext context) {
        var size = InventoryRows.SIZE;
        if (!sheet.present(DIMENSIONS) && !size.stream().allMatch(sheet::present)) {
            var missing = size.stream().filter(c -> !sheet.present(c)).map(Column::name).toList();
            return ImportResult.rejected(new RowError(1, String.join(",", missing), "missing columns " + missing
                    + ": the package size needs length_in, width_in and height_in, or package_dimensions as LxWxH"))
                    .withRead(ReadFacts.encodingOf(sheet.table()));
        }
        long started = System.nanoTime();
        var errors = new ArrayList<RowError>();
        var total = new AtomicLong();
        staged.stage(sink -> {
            try (var rows = sheet.rows()) {
                while (rows.hasNext()) {
                    total.incrementAndGet();
                    context.progress().read(rows.bytesRead());
                    var lot = InventoryRows.lot(rows.next(), sheet, errors);
                    if (lot.isPresent()) {
                        sink.add(lot.get());
                    }
                }
                context.progress().rowsRead(rows.bytesRead());
            }
        });
        long read = System.nanoTime();
        errors.addAll(staged.removeRepeats());
        errors.addAll(staged.belowAllocated());
        long checked = System.nanoTime();
        int rows = Math.toIntExact(total.get());
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::row));
            return new ImportResult(rows, 0, errors);
        }
        if (context.dryRun()) {
            var would = staged.wouldApply();
            LOG.infof("import job %d (dry run): %d rows read and staged in %d ms, checked in %d ms, counted in %d ms",
                    context.jobId(), rows, (read - started) / 1_000_000, (checked - read) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
            var outcomes = Outcomes.of(would.inserted(), would.changed(), would.unchanged());
            return ImportResult.applied(outcomes, detail(outcomes, sheet) + "; dry run: nothing written, no preorders"
                    + " allocated");
        }
        var actor = Actor.importJob(context.jobId());
        var applied = apply(actor, rows);
        LOG.infof("import job %d: %d rows read and staged in %d ms, checked in %d ms, applied in %d ms",
                context.jobId(), rows, (read - started) / 1_000_000, (checked - read) / 1_000_000,
                (System.nanoTime() - checked) / 1_000_000);
        var outcomes = Outcomes.of(applied.inserted(), applied.changed(), rows - applied.inserted() - applied.changed());
        String detail = detail(outcomes, sheet);
        var preorders = arrivals.allocate(applied.restocked(), actor);
        if (preorders > 0) {
            detail += "; " + preorders + " preorders allocated";
        }
        return ImportResult.applied(outcomes, detail);
    }

    private static String detail(Outcomes outcomes, ModelReader sheet) {
        return outcomes + (sheet.header().ignored().isEmpty() ? "" : "; ignored columns " + sheet.header().ignored());
    }

    private StagedLots.Applied apply(Actor actor, int total) {
        try {
            return staged.apply(arrivals.waitingAsins(), actor, clock.instant());
        } catch (RuntimeException e) {
            var constraint = Sql.violatedConstraint(e);
            if (constraint.isPresent()) {
                throw new ImportRejected(new ImportResult(total, 0, List.of(new RowError(0, null,
                        "the sheet clashes with allocations made while it was importing (" + constraint.get()
                                + "); import it again"))));
            }
            throw e;
        }
    }
}
