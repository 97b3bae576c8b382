package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogLines.Line;
import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.ImportResult.Outcomes;
import io.loadout.imports.ImportResult.ReadFacts;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.table.FileRefused;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.SpooledContent;
import io.loadout.imports.table.Table;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code imports/catalog/*.csv|*.xlsx}: one row per configuration (and optionally its price), creating or updating
 * base products, versions, catalogs, configurations and prices. All or nothing: any bad row fails the whole file,
 * every bad row is listed in the errors file, and nothing is written. Re-importing the same file changes nothing,
 * and so does importing the configurations export. The columns are declared in {@link CatalogSheet}; reading,
 * encodings, numbers and dates are {@code io.loadout.imports.table}'s, and every error's row is the file line
 * (the header is line 1). The result counts the rows new, changed and unchanged; a dry run ({@code
 * imports/catalog/dry-run/}) runs the same checks and counts through {@link CatalogWrites} without writing.
 */
@ApplicationScoped
public class CatalogImporter implements Importer {

    public static final String KIND = "catalog";

    private final CatalogService catalog;
    private final PriceService prices;
    private final Sql sql;
    private final CatalogRows rows;
    private final CatalogLines lines;
    private final Clock clock;

    CatalogImporter(CatalogService catalog, PriceService prices, Sql sql, CatalogRows rows, Validator validator,
                    Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.prices = prices;
        this.sql = sql;
        this.rows = rows;
        this.lines = new CatalogLines(validator);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        try (var file = SpooledContent.of(content)) {
            var table = Table.open(file, context.limits());
            try {
                var sheet = CatalogSheet.MODEL.read(table, clock);
                return ReadFacts.recorded(sheet, () -> apply(sheet, context));
            } catch (FileRefused e) {
                throw ImportRejected.fileRefused(e, ReadFacts.encodingOf(table));
            }
        } catch (FileRefused e) {
            throw ImportRejected.fileRefused(e, null);
        }
    }

    private ImportResult apply(ModelReader sheet, ImportContext context) {
        var errors = new ArrayList<RowError>();
        var valid = new ArrayList<Line>();
        try (var parsed = sheet.rows()) {
            while (parsed.hasNext()) {
                lines.line(parsed.next(), errors).ifPresent(valid::add);
                context.progress().read(parsed.bytesRead());
            }
        }
        int total = valid.size() + (int) errors.stream().map(RowError::row).distinct().count();
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingLong(RowError::row));
            return new ImportResult(total, 0, errors);
        }
        var outcomes = applyAll(valid, Actor.importJob(context.jobId()), total, context.dryRun());
        String detail = outcomes + (sheet.header().ignored().isEmpty() ? "" : "; ignored columns "
                + sheet.header().ignored()) + (context.dryRun() ? "; dry run: nothing written" : "");
        return ImportResult.applied(outcomes, detail);
    }

    /**
     * Creates what is missing, updates what exists, then sets the new prices in one set-based call; a dry run takes
     * every decision and check the same way and writes nothing. A row is new when it creates any level of the
     * hierarchy (the first row naming a new base product, version, catalog or configuration), changed when it
     * updates one or adds a price, unchanged otherwise; a level shared by rows is written (and counted) by the
     * first.
     */
    private Outcomes applyAll(List<Line> lines, Actor actor, int total, boolean dryRun) {
        var writes = new CatalogWrites(catalog, sql, rows, clock, actor, dryRun);
        Map<String, Long> baseProducts = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        Map<String, Long> catalogs = new HashMap<>();
        Map<String, Long> configurations = new HashMap<>();
        var created = new boolean[lines.size()];
        var changed = new boolean[lines.size()];
        var priceItems = new ArrayList<PriceForConfiguration>();
        var priceLines = new ArrayList<Integer>();
        for (int n = 0; n < lines.size(); n++) {
            final int at = n;
            Line line = lines.get(n);
            Function<CatalogWrites.Step, Long> note = step -> {
                created[at] |= step.created();
                changed[at] |= step.changed();
                return step.id();
            };
            try {
                long bp = baseProducts.computeIfAbsent(key(line.baseProduct().name()),
                        k -> note.apply(writes.baseProduct(line)));
                long version = versions.computeIfAbsent(bp + "/" + key(line.version()),
                        k -> note.apply(writes.version(bp, line)));
                long cat = catalogs.computeIfAbsent(version + "/" + key(line.catalog().name()),
                        k -> note.apply(writes.catalog(version, line)));
                long config = configurations.computeIfAbsent(cat + "/" + key(line.configuration().name()),
                        k -> note.apply(writes.configuration(cat, line)));
                if (line.price() != null) {
                    priceItems.add(new PriceForConfiguration(config, line.price(), line.validFrom(), line.validTo()));
                    priceLines.add(n);
                }
            } catch (DomainException e) {
                throw rejected(total, line.row(), e);
            }
        }
        var stored = alreadyStored(priceItems);
        for (int i = priceItems.size() - 1; i >= 0; i--) {
            if (stored.contains(i)) {
                priceItems.remove(i);
                priceLines.remove(i);
            }
        }
        if (!priceItems.isEmpty()) {
            try {
                if (dryRun) {
                    prices.checkPrices(priceItems, ItemFields.in("items"));
                } else {
                    prices.setPrices(priceItems, actor);
                }
            } catch (DomainException e) {
                Matcher m = ITEM.matcher(e.field() == null ? "" : e.field());
                int item = m.matches() ? Integer.parseInt(m.group(1)) : 0;
                throw rejected(total, lines.get(priceLines.get(item)).row(), e);
            }
            priceLines.forEach(n -> changed[n] = true);
        }
        int fresh = 0;
        int updated = 0;
        for (int n = 0; n < lines.size(); n++) {
            fresh += created[n] ? 1 : 0;
            updated += !created[n] && changed[n] ? 1 : 0;
        }
        return new Outcomes(fresh, updated, lines.size() - fresh - updated);
    }

    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

    private static ImportRejected rejected(int total, long row, DomainException e) {
        String field = e.field() == null ? null : e.field().replaceFirst("^items\\[\\d+]\\.", "");
        return new ImportRejected(new ImportResult(total, 0, List.of(new RowError(row, field, e.getMessage()))));
    }

    /** Indexes of the items whose exact price and window are stored already (so a re-import adds nothing). */
    private Set<Integer> alreadyStored(List<PriceForConfiguration> items) {
        if (items.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.list("""
                select i.ord from unnest(?::bigint[], ?::numeric[], ?::timestamptz[], ?::timestamptz[])
                       with ordinality as i(config_id, price, valid_from, valid_to, ord)
                 where exists (select 1 from catalog_price p
                                where p.config_id = i.config_id and p.state <> 'DISABLED' and p.price = i.price
                                  and p.valid_from = i.valid_from and p.valid_to is not distinct from i.valid_to)""",
                List.of(items.stream().map(PriceForConfiguration::configId).toArray(Long[]::new),
                        items.stream().map(PriceForConfiguration::price).toArray(BigDecimal[]::new),
                        items.stream().map(PriceForConfiguration::validFrom).toArray(Instant[]::new),
                        items.stream().map(PriceForConfiguration::validTo).toArray(Instant[]::new)),
                r -> (int) r.getLong("ord") - 1));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
