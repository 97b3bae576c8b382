package io.loadout.catalog;

import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.SheetImport;
import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.table.ModelReader;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code imports/catalog/*.csv|*.xlsx}: one row per configuration (and optionally its price), creating or updating
 * base products, versions, catalogs, configurations and prices. All or nothing: any bad row fails the whole file,
 * every bad row is listed in the errors file, and nothing is written. Re-importing the same file changes nothing,
 * and so does importing the configurations export. The columns are declared in {@link CatalogSheet}; reading,
 * encodings, numbers and dates are {@code io.loadout.imports.table}'s, and every error's row is the file line
 * (the header is line 1). Rows stream through: each valid one is copied into the job's staging table as it is read
 * ({@link StagedCatalog}), so memory does not grow with the file (only with its errors); the plan, its refusals, the
 * writes ({@link CatalogWrites}) and the prices ({@link PriceService}) are set-based SQL there. The result counts the
 * rows new, changed and unchanged; a dry run ({@code imports/catalog/dry-run/}) takes the same plan and runs the same
 * checks without writing.
 */
@ApplicationScoped
public class CatalogImporter implements Importer {

    public static final String KIND = "catalog";
    private static final Logger LOG = Logger.getLogger(CatalogImporter.class);
    private static final ItemFields PRICE_ITEMS = ItemFields.in("items");
    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

    private final StagedCatalog staged;
    private final CatalogWrites writes;
    private final PriceService prices;
    private final CatalogLines lines;
    private final Clock clock;

    CatalogImporter(StagedCatalog staged, CatalogWrites writes, PriceService prices, Validator validator, Clock clock) {
        this.staged = staged;
        this.writes = writes;
        this.prices = prices;
        this.lines = new CatalogLines(validator);
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        return SheetImport.read(content, context, CatalogSheet.MODEL, clock, sheet -> apply(sheet, context));
    }

    private ImportResult apply(ModelReader sheet, ImportContext context) {
        long started = System.nanoTime();
        var errors = new ArrayList<RowError>();
        long valid = staged.stage(sink -> {
            try (var parsed = sheet.rows()) {
                while (parsed.hasNext()) {
                    var line = lines.line(parsed.next(), errors);
                    context.progress().read(parsed.bytesRead());
                    if (line.isPresent()) {
                        sink.add(line.get());
                    }
                }
                context.progress().rowsRead(parsed.bytesRead());
            }
        });
        int total = Math.toIntExact(valid) + (int) errors.stream().map(RowError::row).distinct().count();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::row));
            return new ImportResult(total, 0, errors);
        }
        LOG.infof("import job %d: %d rows read and staged in %d ms", context.jobId(), total,
                (System.nanoTime() - started) / 1_000_000);
        var outcomes = applyAll(valid, Actor.importJob(context.jobId()), total, context.dryRun());
        LOG.infof("import job %d%s: planned, written and priced in %d ms in all", context.jobId(),
                context.dryRun() ? " (dry run)" : "", (System.nanoTime() - started) / 1_000_000);
        String detail = outcomes + (sheet.header().ignored().isEmpty() ? "" : "; ignored columns "
                + sheet.header().ignored()) + (context.dryRun() ? "; dry run: nothing written" : "");
        return ImportResult.applied(outcomes, detail);
    }

    /**
     * Plans from the stored catalog (the first line naming a row decides it), refuses what the catalog refuses at
     * the first such line, writes the plan, then sets the new prices as one staged request; a dry run takes the same
     * plan and runs the same price checks, writing nothing. A row is new when it creates any level of the hierarchy
     * (the first row naming a new base product, version, catalog or configuration), changed when it updates one or
     * adds a price, unchanged otherwise; a level shared by rows is written (and counted) by the first.
     */
    private Outcomes applyAll(long valid, Actor actor, int total, boolean dryRun) {
        long started = System.nanoTime();
        staged.plan();
        long planned = System.nanoTime();
        staged.firstRefusal().ifPresent(r -> {
            throw rejected(total, r.line(), r.refusal());
        });
        if (dryRun) {
            staged.numberPlannedConfigurations();
        } else {
            writes.apply(actor, clock.instant());
        }
        long written = System.nanoTime();
        if (staged.stagePrices(prices) > 0) {
            try {
                if (dryRun) {
                    prices.checkStagedPrices(PRICE_ITEMS);
                } else {
                    prices.setStagedPrices(PRICE_ITEMS, actor);
                }
            } catch (DomainException e) {
                Matcher m = ITEM.matcher(e.field() == null ? "" : e.field());
                int item = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                throw rejected(total, prices.stagedRef(item), e);
            }
        }
        long priced = System.nanoTime();
        var outcomes = staged.outcomes(valid);
        LOG.infof("catalog import: planned in %d ms, written in %d ms, priced in %d ms, counted in %d ms",
                (planned - started) / 1_000_000, (written - planned) / 1_000_000, (priced - written) / 1_000_000,
                (System.nanoTime() - priced) / 1_000_000);
        return outcomes;
    }

    private static ImportRejected rejected(int total, long row, DomainException e) {
        String field = e.field() == null ? null : e.field().replaceFirst("^items\\[\\d+]\\.", "");
        return new ImportRejected(new ImportResult(total, 0, List.of(new RowError(row, field, e.getMessage()))));
    }
}
