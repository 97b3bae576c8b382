package io.loadout.catalog;

import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.catalog.CatalogCommands.NewVersion;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogService.Level;
import io.loadout.imports.ImportRejected;
import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.loadout.imports.RowError;
import io.loadout.shared.Actor;
import io.loadout.shared.Csv;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * {@code imports/catalog/*.csv|*.xlsx}: one row per configuration (and optionally its price), creating or updating
 * base products, versions, catalogs, configurations and prices. All or nothing: any bad row fails the whole file,
 * every bad row is listed in the errors file, and nothing is written. Re-importing the same file changes nothing.
 */
@ApplicationScoped
public class CatalogImporter implements Importer {

    static final List<String> REQUIRED = List.of("base_product", "item_type", "sub_type", "version", "catalog",
            "hsn_code", "weight", "colour", "selling_type", "gst_rate");
    static final List<String> OPTIONAL = List.of("brand", "model", "year", "configuration", "additional_info", "price",
            "valid_from", "valid_to");

    private final CatalogService catalog;
    private final PriceService prices;
    private final Sql sql;
    private final CatalogRows rows;
    private final Validator validator;
    private final Clock clock;

    CatalogImporter(CatalogService catalog, PriceService prices, Sql sql, CatalogRows rows, Validator validator,
                    Clock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.prices = prices;
        this.sql = sql;
        this.rows = rows;
        this.validator = validator;
    }

    @Override
    public String kind() {
        return "catalog";
    }

    /** One parsed row: the commands it implies, and its 1-based row number. */
    record Line(long row, NewBaseProduct baseProduct, String version, NewCatalog catalog, NewConfiguration configuration,
                BigDecimal price, Instant validFrom, Instant validTo) {
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        List<List<String>> table = context.objectName().toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? readXlsx(content) : Csv.parse(new InputStreamReader(content, StandardCharsets.UTF_8));
        if (table.isEmpty()) {
            return ImportResult.rejected(new RowError(0, null, "the file is empty"));
        }
        Map<String, Integer> columns = header(table.get(0));
        var missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            return ImportResult.rejected(new RowError(0, String.join(",", missing), "missing columns " + missing
                    + "; the header must name " + REQUIRED + " and may name " + OPTIONAL));
        }
        var errors = new ArrayList<RowError>();
        var lines = new ArrayList<Line>();
        for (int i = 1; i < table.size(); i++) {
            var cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            parse(i, cells, columns, errors).ifPresent(lines::add);
        }
        int total = lines.size() + (int) errors.stream().map(RowError::row).distinct().count();
        if (!errors.isEmpty()) {
            return new ImportResult(total, 0, errors);
        }
        applyAll(lines, Actor.importJob(context.jobId()), total);
        return new ImportResult(total, total, List.of());
    }

    private java.util.Optional<Line> parse(long row, List<String> cells, Map<String, Integer> columns, List<RowError> errors) {
        Function<String, String> cell = name -> {
            Integer index = columns.get(name);
            String v = index == null || index >= cells.size() ? null : cells.get(index).strip();
            return v == null || v.isEmpty() ? null : v;
        };
        int before = errors.size();
        ItemType itemType = enumCell(row, "item_type", cell.apply("item_type"), ItemType.class, errors);
        SellingType sellingType = enumCell(row, "selling_type", cell.apply("selling_type"), SellingType.class, errors);
        GstRate gst = null;
        try {
            gst = cell.apply("gst_rate") == null ? null : GstRate.of(cell.apply("gst_rate"));
        } catch (DomainException e) {
            errors.add(new RowError(row, "gst_rate", e.getMessage()));
        }
        BigDecimal weight = decimal(row, "weight", cell.apply("weight"), errors);
        BigDecimal price = decimal(row, "price", cell.apply("price"), errors);
        Instant from = instant(row, "valid_from", cell.apply("valid_from"), errors);
        Instant to = instant(row, "valid_to", cell.apply("valid_to"), errors);
        List<AdditionalInfo> infos = additionalInfos(row, cell.apply("additional_info"), errors);

        var baseProduct = new NewBaseProduct(cell.apply("base_product"), itemType, cell.apply("sub_type"),
                cell.apply("brand"), cell.apply("model"), null, null);
        var catalogCmd = new NewCatalog(0L, cell.apply("catalog"), cell.apply("year"), cell.apply("hsn_code"), weight,
                cell.apply("colour"), itemType, sellingType, gst, null, null);
        String configName = cell.apply("configuration");
        if (configName == null && itemType == ItemType.VEHICLE) {
            errors.add(new RowError(row, "configuration", "a vehicle row names its configuration"));
        }
        var config = new NewConfiguration(configName == null ? cell.apply("catalog") : configName, null, infos, null);
        if ((price == null) != (from == null)) {
            errors.add(new RowError(row, price == null ? "price" : "valid_from", "price and valid_from go together"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new RowError(row, "valid_to", "valid_to must be after valid_from"));
        }
        if (cell.apply("version") == null) {
            errors.add(new RowError(row, "version", "must not be blank"));
        }
        violations(row, validator.validate(baseProduct), Map.of("name", "base_product", "subType", "sub_type",
                "itemType", "item_type"), errors);
        violations(row, validator.validate(catalogCmd), Map.of("name", "catalog", "hsnCode", "hsn_code",
                "sellingType", "selling_type", "gstRate", "gst_rate"), errors);
        violations(row, validator.validate(config), Map.of("name", "configuration", "additionalInfos", "additional_info"),
                errors);
        if (errors.size() > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Line(row, baseProduct, cell.apply("version"), catalogCmd, config, price, from, to));
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
    private java.util.Set<Integer> alreadyStored(List<PriceForConfiguration> items) {
        if (items.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(sql.list("""
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


    static Map<String, Integer> header(List<String> cells) {
        var columns = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < cells.size(); i++) {
            columns.putIfAbsent(cells.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_"), i);
        }
        return columns;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E enumCell(long row, String column, String value, Class<E> type, List<RowError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row, column, column + " must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static BigDecimal decimal(long row, String column, String value, List<RowError> errors) {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new RowError(row, column, column + " must be a number, not '" + value + "'"));
            return null;
        }
    }

    /** {@code 2026-12-01T00:00:00Z}, or a date ({@code 2026-12-01}) meaning its start in UTC. */
    private static Instant instant(long row, String column, String value, List<RowError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(row, column, column + " must be a date (2026-12-01) or an instant (2026-12-01T00:00:00Z)"));
            return null;
        }
    }

    /** {@code Battery=60V 30Ah; Motor=2kW}. */
    private static List<AdditionalInfo> additionalInfos(long row, String value, List<RowError> errors) {
        if (value == null) {
            return List.of();
        }
        var infos = new ArrayList<AdditionalInfo>();
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 1) {
                errors.add(new RowError(row, "additional_info", "write additional info as key=value; key=value"));
                return List.of();
            }
            infos.add(new AdditionalInfo(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip()));
        }
        return infos;
    }

    private static void violations(long row, java.util.Set<? extends ConstraintViolation<?>> violations,
                                   Map<String, String> columnOf, List<RowError> errors) {
        violations.stream()
                .filter(v -> !v.getPropertyPath().toString().equals("versionId"))
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String property = v.getPropertyPath().toString().replaceAll("\\[.*", "");
                    String column = columnOf.getOrDefault(property, property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
                    if (errors.stream().noneMatch(e -> e.row() == row && column.equals(e.field()))) {
                        errors.add(new RowError(row, column, v.getMessage()));
                    }
                });
    }

    private static List<List<String>> readXlsx(InputStream content) throws IOException {
        try (var workbook = new ReadableWorkbook(content)) {
            var rows = new ArrayList<List<String>>();
            try (var stream = workbook.getFirstSheet().openStream()) {
                stream.forEach(r -> {
                    var cells = new ArrayList<String>();
                    for (int i = 0; i < r.getCellCount(); i++) {
                        var c = r.getCell(i);
                        cells.add(c == null ? "" : c.getText());
                    }
                    rows.add(cells);
                });
            }
            return rows;
        }
    }
}
