package io.loadout.catalog;

import static io.loadout.catalog.CatalogSheet.ADDITIONAL_INFO;
import static io.loadout.catalog.CatalogSheet.BASE_PRODUCT;
import static io.loadout.catalog.CatalogSheet.BRAND;
import static io.loadout.catalog.CatalogSheet.CATALOG;
import static io.loadout.catalog.CatalogSheet.COLOUR;
import static io.loadout.catalog.CatalogSheet.CONFIGURATION;
import static io.loadout.catalog.CatalogSheet.GST_RATE;
import static io.loadout.catalog.CatalogSheet.HSN_CODE;
import static io.loadout.catalog.CatalogSheet.ITEM_TYPE;
import static io.loadout.catalog.CatalogSheet.PRICE;
import static io.loadout.catalog.CatalogSheet.PRODUCT_MODEL;
import static io.loadout.catalog.CatalogSheet.SELLING_TYPE;
import static io.loadout.catalog.CatalogSheet.SUB_TYPE;
import static io.loadout.catalog.CatalogSheet.VALID_FROM;
import static io.loadout.catalog.CatalogSheet.VALID_TO;
import static io.loadout.catalog.CatalogSheet.VERSION;
import static io.loadout.catalog.CatalogSheet.WEIGHT;
import static io.loadout.catalog.CatalogSheet.YEAR;

import io.loadout.catalog.CatalogCommands.NewBaseProduct;
import io.loadout.catalog.CatalogCommands.NewCatalog;
import io.loadout.catalog.CatalogCommands.NewConfiguration;
import io.loadout.imports.RowError;
import io.loadout.imports.table.Column;
import io.loadout.imports.table.ParsedRow;
import io.loadout.shared.DomainException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog sheet row (read by {@link CatalogSheet#MODEL}) as the commands it implies, or its errors: the model's
 * (blank, too long, not a number or date, out of bounds), then the catalog's own rules and bean validation, each
 * naming its column, at most one error per column.
 */
final class CatalogLines {

    /** One valid row: the commands it implies, and its file line. */
    record Line(long row, NewBaseProduct baseProduct, String version, NewCatalog catalog,
                NewConfiguration configuration, BigDecimal price, Instant validFrom, Instant validTo) {
    }

    private final Validator validator;

    CatalogLines(Validator validator) {
        this.validator = validator;
    }

    Optional<Line> line(ParsedRow row, List<RowError> errors) {
        long line = row.line();
        var problems = new ArrayList<>(row.errors());
        ItemType itemType = choice(row, ITEM_TYPE, ItemType.class, problems);
        SellingType sellingType = choice(row, SELLING_TYPE, SellingType.class, problems);
        GstRate gst = null;
        try {
            gst = row.get(GST_RATE) == null ? null : GstRate.of(row.get(GST_RATE));
        } catch (DomainException e) {
            problems.add(new RowError(line, GST_RATE.name(), GST_RATE.name() + " " + e.getMessage()));
        }
        BigDecimal price = row.get(PRICE);
        Instant from = row.get(VALID_FROM);
        Instant to = row.get(VALID_TO);
        List<AdditionalInfo> infos = additionalInfos(line, row.get(ADDITIONAL_INFO), problems);

        var baseProduct = new NewBaseProduct(row.get(BASE_PRODUCT), itemType, row.get(SUB_TYPE), row.get(BRAND),
                row.get(PRODUCT_MODEL), null, null);
        var catalog = new NewCatalog(0L, row.get(CATALOG), row.get(YEAR), row.get(HSN_CODE), row.get(WEIGHT),
                row.get(COLOUR), itemType, sellingType, gst, null, null);
        String configName = row.get(CONFIGURATION);
        if (configName == null && itemType == ItemType.VEHICLE && !failed(problems, CONFIGURATION)) {
            problems.add(new RowError(line, CONFIGURATION.name(), "a vehicle row names its configuration"));
        }
        var config = new NewConfiguration(configName == null ? row.get(CATALOG) : configName, null, infos, null);
        if ((price == null) != (from == null) && !failed(problems, PRICE) && !failed(problems, VALID_FROM)) {
            problems.add(new RowError(line, (price == null ? PRICE : VALID_FROM).name(), "price and valid_from go together"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            problems.add(new RowError(line, VALID_TO.name(), "valid_to must be after valid_from"));
        }
        violations(line, validator.validate(baseProduct), Map.of("name", BASE_PRODUCT, "subType", SUB_TYPE,
                "itemType", ITEM_TYPE, "brand", BRAND, "model", PRODUCT_MODEL), problems);
        violations(line, validator.validate(catalog), Map.of("name", CATALOG, "hsnCode", HSN_CODE, "year", YEAR,
                "weight", WEIGHT, "colour", COLOUR, "sellingType", SELLING_TYPE, "gstRate", GST_RATE), problems);
        violations(line, validator.validate(config), Map.of("name", CONFIGURATION, "additionalInfos", ADDITIONAL_INFO),
                problems);
        if (!problems.isEmpty()) {
            errors.addAll(problems);
            return Optional.empty();
        }
        return Optional.of(new Line(line, baseProduct, row.get(VERSION), catalog, config, price, from, to));
    }

    /** The enum constant the cell names (any case; spaces and hyphens as _), or an error listing the choices. */
    private static <E extends Enum<E>> E choice(ParsedRow row, Column<String> column, Class<E> type,
                                                List<RowError> problems) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(new RowError(row.line(), column.name(), column.name() + " must be one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /**
     * {@code Battery=60V 30Ah; Motor=2kW}, or {@code Battery: 60V 30Ah; Motor: 2kW} as the export writes them: each
     * pair splits at its first {@code =} or {@code :}.
     */
    static List<AdditionalInfo> additionalInfos(long line, String value, List<RowError> problems) {
        if (value == null) {
            return List.of();
        }
        var infos = new ArrayList<AdditionalInfo>();
        for (String pair : value.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int at = firstOf(pair, '=', ':');
            if (at < 1) {
                problems.add(new RowError(line, ADDITIONAL_INFO.name(), "write additional info as key=value; key=value"));
                return List.of();
            }
            infos.add(new AdditionalInfo(pair.substring(0, at).strip(), pair.substring(at + 1).strip()));
        }
        return infos;
    }

    private static int firstOf(String text, char a, char b) {
        int first = text.indexOf(a);
        int second = text.indexOf(b);
        return first < 0 ? second : second < 0 ? first : Math.min(first, second);
    }

    private static boolean failed(List<RowError> problems, Column<?> column) {
        return problems.stream().anyMatch(e -> column.name().equals(e.field()));
    }

    private static void violations(long line, Set<? extends ConstraintViolation<?>> violations,
                                   Map<String, Column<?>> columnOf, List<RowError> problems) {
        violations.stream()
                .filter(v -> !v.getPropertyPath().toString().equals("versionId"))
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String property = v.getPropertyPath().toString().replaceAll("\\[.*", "");
                    var column = columnOf.get(property);
                    String name = column != null ? column.name()
                            : property.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                    if (problems.stream().noneMatch(e -> name.equals(e.field()))) {
                        problems.add(new RowError(line, name, v.getMessage()));
                    }
                });
    }
}
