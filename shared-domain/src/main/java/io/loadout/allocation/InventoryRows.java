package io.loadout.allocation;

import static io.loadout.allocation.InventorySheet.ASIN;
import static io.loadout.allocation.InventorySheet.BATCH;
import static io.loadout.allocation.InventorySheet.DATE_ADDED;
import static io.loadout.allocation.InventorySheet.DEFAULT_MIN_SHIP;
import static io.loadout.allocation.InventorySheet.DIMENSIONS;
import static io.loadout.allocation.InventorySheet.HEIGHT;
import static io.loadout.allocation.InventorySheet.LENGTH;
import static io.loadout.allocation.InventorySheet.MAX_SHIP;
import static io.loadout.allocation.InventorySheet.MIN_SHIP;
import static io.loadout.allocation.InventorySheet.PURCHASED;
import static io.loadout.allocation.InventorySheet.REMAINING;
import static io.loadout.allocation.InventorySheet.TITLE;
import static io.loadout.allocation.InventorySheet.UNIT_COST;
import static io.loadout.allocation.InventorySheet.WEIGHT;
import static io.loadout.allocation.InventorySheet.WIDTH;

import io.loadout.imports.RowError;
import io.loadout.imports.table.CellRefused;
import io.loadout.imports.table.Column;
import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.ParsedRow;
import io.loadout.shared.DomainException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of one buying-sheet row that need nothing but the row: the model's parsing, the ASIN, the package size
 * and the rules between columns. The rules that need other rows or the stored lots are {@link StagedLots}'.
 */
final class InventoryRows {

    static final List<Column<BigDecimal>> SIZE = List.of(LENGTH, WIDTH, HEIGHT);

    /** One valid sheet row; {@code row} is its file line. */
    record Lot(long row, String asin, String batch, String title, BigDecimal weightLb, BigDecimal lengthIn,
               BigDecimal widthIn, BigDecimal heightIn, int purchased, int remaining, BigDecimal unitCost,
               LocalDate dateAdded, BigDecimal minShip, BigDecimal maxShip) {
    }

    private InventoryRows() {
    }

    /** The row as a lot, or its errors (the model's, then the rules between columns) added to {@code errors}. */
    static Optional<Lot> lot(ParsedRow row, ModelReader sheet, List<RowError> errors) {
        long line = row.line();
        var problems = new ArrayList<>(row.errors());
        String asin = row.get(ASIN);
        if (asin != null) {
            try {
                asin = Asin.require("asin", asin);
            } catch (DomainException e) {
                problems.add(new RowError(line, "asin", e.getMessage()));
            }
        }
        BigDecimal[] size = size(row, sheet, problems);
        Long purchased = row.get(PURCHASED);
        Long remaining = row.get(REMAINING);
        if (purchased != null && remaining != null && remaining > purchased) {
            problems.add(new RowError(line, "qty_remaining", "remaining " + remaining + " exceeds purchased " + purchased));
        }
        BigDecimal minShip = row.get(MIN_SHIP) == null && !failed(problems, MIN_SHIP) ? DEFAULT_MIN_SHIP : row.get(MIN_SHIP);
        BigDecimal maxShip = row.get(MAX_SHIP);
        if (minShip != null && maxShip != null && maxShip.compareTo(minShip) < 0) {
            problems.add(new RowError(line, "max_ship", "max shipping " + maxShip + " is below min shipping " + minShip));
        }
        if (!problems.isEmpty()) {
            errors.addAll(problems);
            return Optional.empty();
        }
        String title = row.get(TITLE);
        return Optional.of(new Lot(line, asin, row.get(BATCH), title == null ? asin : title, row.get(WEIGHT), size[0],
                size[1], size[2], purchased.intValue(), remaining.intValue(), row.get(UNIT_COST), row.get(DATE_ADDED),
                minShip, maxShip));
    }

    /** Length, width and height: the three columns, or package_dimensions ("10 x 8 x 4") when they are blank. */
    private static BigDecimal[] size(ParsedRow row, ModelReader sheet, List<RowError> problems) {
        var size = SIZE.stream().map(row::get).toArray(BigDecimal[]::new);
        String dimensions = row.get(DIMENSIONS);
        if (dimensions != null && size[0] == null && !failed(problems, LENGTH)) {
            String[] parts = dimensions.toLowerCase(Locale.ROOT).replace("in", "").split("[x×*]");
            if (parts.length != 3) {
                problems.add(new RowError(row.line(), DIMENSIONS.name(), "write the package size as L x W x H in inches"));
                return size;
            }
            for (int k = 0; k < 3; k++) {
                try {
                    size[k] = sheet.parse(LENGTH.type(), parts[k].strip());
                } catch (CellRefused e) {
                    problems.add(new RowError(row.line(), DIMENSIONS.name(), e.getMessage()));
                    return size;
                }
            }
            return size;
        }
        for (int k = 0; k < 3; k++) {
            if (size[k] == null && !failed(problems, SIZE.get(k))) {
                problems.add(new RowError(row.line(), SIZE.get(k).name(), "must not be blank"));
            }
        }
        return size;
    }

    private static boolean failed(List<RowError> problems, Column<?> column) {
        return problems.stream().anyMatch(e -> column.name().equals(e.field()));
    }
}
