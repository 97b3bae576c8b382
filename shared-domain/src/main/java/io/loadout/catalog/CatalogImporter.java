package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogLines.Line;
import io.loadout.catalog.CatalogService.Level;
import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.imports.table.FileRefused;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.SpooledContent;
import io.loadout.imports.table.Table;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code imports/catalog/*.csv|*.xlsx}: one row per configuration (and optionally its price), creating or updating
 * base products, versions, catalogs, configurations and prices. All or nothing: any bad row fails the whole file,
 * every bad row is listed in the errors file, and nothing is written. Re-importing the same file changes nothing,
 * and so does importing the configurations export. The columns are declared in {@link CatalogSheet}; reading,
 * encodings, numbers and dates are {@code io.loadout.imports.table}'s, and every error's row is the file line
 * (the header is line 1).
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
            return apply(CatalogSheet.MODEL.read(Table.open(file, context.limits()), clock), context);
        } catch (FileRefused e) {
            throw ImportRejected.fileRefused(e);
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
        applyAll(valid, Actor.importJob(context.jobId()), total);
        String detail = sheet.header().ignored().isEmpty() ? null : "ignored columns " + sheet.header().ignored();
        return new ImportResult(total, total, List.of(), detail);
    }

    /** Creates what is missing, updates what exists, then sets the new prices in one set-based call. */
    private void applyAll(List<Line> lines, Actor actor, int total) {
        Map<String, Long> baseProducts = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        Map<String, Long> catalogs = new HashMap<>();
        Map<String, Long> configurations = new HashMap<>();
        var priceItems = new ArrayList<PriceForConfiguration>();
        var priceRows = new ArrayList<Long>();
        for (Line line : lines) {
            try {
                long bp = baseProducts.computeIfAbsent(key(line.baseProduct().name()), k -> baseProduct(line, actor));
                long version = versions.computeIfAbsent(bp + "/" + key(line.version()), k -> version(bp, line, actor));
                long cat = catalogs.computeIfAbsent(version + "/" + key(line.catalog().name()), k -> catalog(version, line, actor));
                long config = configurations.computeIfAbsent(cat + "/" + key(line.configuration().name()),
                        k -> configuration(cat, line, actor));
                if (line.price() != null) {
                    priceItems.add(new PriceForConfiguration(config, line.price(), line.validFrom(), line.validTo()));
                    priceRows.add(line.row());
                }
            } catch (DomainException e) {
                throw rejected(total, line.row(), e);
            }
        }
        var stored = alreadyStored(priceItems);
        for (int i = priceItems.size() - 1; i >= 0; i--) {
            if (stored.contains(i)) {
                priceItems.remove(i);
                priceRows.remove(i);
            }
        }
        if (!priceItems.isEmpty()) {
            try {
                prices.setPrices(priceItems, actor);
            } catch (DomainException e) {
                Matcher m = ITEM.matcher(e.field() == null ? "" : e.field());
                long row = m.matches() ? priceRows.get(Integer.parseInt(m.group(1))) : priceRows.get(0);
                throw rejected(total, row, e);
            }
        }
    }

    private static final Pattern ITEM = Pattern.compile("items\\[(\\d+)]\\.(\\w+)");

    private static ImportRejected rejected(int total, long row, DomainException e) {
        String field = e.field() == null ? null : e.field().replaceFirst("^items\\[\\d+]\\.", "");
        return new ImportRejected(new ImportResult(total, 0, List.of(new RowError(row, field, e.getMessage()))));
    }

    private long baseProduct(Line line, Actor actor) {
        var cmd = line.baseProduct();
        var existing = catalog.idByName(Level.BASE_PRODUCT, null, cmd.name());
        if (existing.isEmpty()) {
            return catalog.createBaseProduct(cmd, actor).id();
        }
        ItemType storedType = catalog.baseProduct(existing.get()).itemType();
        if (storedType != cmd.itemType()) {
            throw new DomainException.InvalidInput("item_type", "base product '" + cmd.name() + "' is "
                    + storedType + ", not " + cmd.itemType());
        }
        sql.update("""
                update base_product set sub_type = ?, brand = coalesce(?, brand), model = coalesce(?, model),
                       changed_at = ?, changed_by = ?
                 where id = ? and (sub_type, brand, model) is distinct from (?, coalesce(?, brand), coalesce(?, model))""",
                Arrays.asList(cmd.subType().toUpperCase(Locale.ROOT), cmd.brand(), cmd.model(), clock.instant(), actor.name(),
                        existing.get(), cmd.subType().toUpperCase(Locale.ROOT), cmd.brand(), cmd.model()));
        return existing.get();
    }

    private long version(long baseProductId, Line line, Actor actor) {
        return catalog.idByName(Level.VERSION, baseProductId, line.version())
                .orElseGet(() -> catalog.addVersion(baseProductId, new NewVersion(line.version(), null, null), actor).id());
    }

    private long catalog(long versionId, Line line, Actor actor) {
        var c = line.catalog();
        var existing = catalog.idByName(Level.CATALOG, versionId, c.name());
        if (existing.isEmpty()) {
            return catalog.createCatalog(new NewCatalog(versionId, c.name(), c.year(), c.hsnCode(), c.weight(), c.colour(),
                    c.itemType(), c.sellingType(), c.gstRate(), null, null), actor).id();
        }
        sql.update("""
                update catalog set year = ?, hsn_code = ?, weight = ?, colour = ?, selling_type = ?, gst_rate = ?,
                       changed_at = ?, changed_by = ?
                 where id = ? and (year, hsn_code, weight, colour, selling_type, gst_rate)
                       is distinct from (?, ?, ?::numeric, ?, ?, ?)""",
                Arrays.asList(c.year(), c.hsnCode(), c.weight(), c.colour(), c.sellingType(), c.gstRate(), clock.instant(),
                        actor.name(),
                        existing.get(), c.year(), c.hsnCode(), c.weight(), c.colour(), c.sellingType(), c.gstRate()));
        return existing.get();
    }

    private long configuration(long catalogId, Line line, Actor actor) {
        var cmd = line.configuration();
        var existing = catalog.idByName(Level.CONFIGURATION, catalogId, cmd.name());
        if (existing.isEmpty()) {
            return catalog.addConfiguration(catalogId, cmd, actor).id();
        }
        if (cmd.additionalInfos() != null && !cmd.additionalInfos().isEmpty()) {
            String infos = rows.infosJson(cmd.additionalInfos());
            sql.update("""
                    update catalog_config set additional_infos = ?::jsonb, changed_at = ?, changed_by = ?
                     where id = ? and additional_infos is distinct from ?::jsonb""",
                    List.of(infos, clock.instant(), actor.name(), existing.get(), infos));
        }
        return existing.get();
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
