package io.loadout.imports.table;

import io.loadout.shared.StorableValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** What a column holds, its bounds, and how a cell becomes a value; each type describes itself for the README. */
public sealed interface ColumnType<T> {

    /** What the evidence pass and the parser know about the whole file. */
    record FileFacts(NumberConvention numbers, long dayFirstLine, LocalDate today) {
    }

    T parse(Cell cell, FileFacts facts);

    String describe();

    /** Text of at most {@code maxLength} characters. */
    record Text(int maxLength) implements ColumnType<String> {
        @Override
        public String parse(Cell cell, FileFacts facts) {
            if (cell.text().length() > maxLength) {
                throw new CellRefused("at most " + maxLength + " characters (this one has " + cell.text().length() + ")");
            }
            return cell.text();
        }

        @Override
        public String describe() {
            return "text, up to " + maxLength + " characters";
        }
    }

    /** A whole number within [min, max]; fractions refused (3.00 is 3). */
    record Whole(long min, long max) implements ColumnType<Long> {
        @Override
        public Long parse(Cell cell, FileFacts facts) {
            BigDecimal value = Decimal.number(cell, facts);
            Decimal.within(value, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
            if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) {
                throw new CellRefused("must be a whole number (not " + value.toPlainString() + ")");
            }
            return value.longValueExact();
        }

        @Override
        public String describe() {
            return "whole number from " + Decimal.format(BigDecimal.valueOf(min)) + " to " + Decimal.format(BigDecimal.valueOf(max));
        }
    }

    /** A decimal within [min, max] with at most {@code scale} decimals (a smaller unit would be rounded away). */
    record Decimal(BigDecimal min, BigDecimal max, int scale) implements ColumnType<BigDecimal> {

        /** Money: 0 to 10,000,000.00, cents. */
        public static Decimal money() {
            return new Decimal(new BigDecimal("0.00"), new BigDecimal("10000000.00"), 2);
        }

        @Override
        public BigDecimal parse(Cell cell, FileFacts facts) {
            BigDecimal value = number(cell, facts);
            if (value.scale() > scale && value.stripTrailingZeros().scale() > scale) {
                throw new CellRefused(value.toPlainString() + " has more than " + scale + " decimals");
            }
            within(value, min, max);
            return value.setScale(scale, RoundingMode.UNNECESSARY);
        }

        @Override
        public String describe() {
            return "number from " + format(min) + " to " + format(max) + ", up to " + scale + " decimals";
        }

        static BigDecimal number(Cell cell, FileFacts facts) {
            return cell.number() != null ? cell.number() : Numbers.parse(cell.text(), facts.numbers());
        }

        static void within(BigDecimal value, BigDecimal min, BigDecimal max) {
            if (value.compareTo(min) < 0) {
                throw new CellRefused(value.toPlainString() + " is below the minimum " + format(min));
            }
            if (value.compareTo(max) > 0) {
                throw new CellRefused(value.toPlainString() + " is above the maximum " + format(max));
            }
        }

        static String format(BigDecimal value) {
            return String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
        }
    }

    /** A date, optionally not after today (by the injected clock) and not before {@code earliest}. */
    record Date(boolean notInFuture, LocalDate earliest) implements ColumnType<LocalDate> {
        @Override
        public LocalDate parse(Cell cell, FileFacts facts) {
            LocalDate date = cell.date() != null ? cell.date() : Dates.parse(cell.text(), facts.dayFirstLine());
            if (notInFuture && date.isAfter(facts.today())) {
                throw new CellRefused(date + " is in the future (today is " + facts.today() + ")");
            }
            if (earliest != null && date.isBefore(earliest)) {
                throw new CellRefused(date + " is before " + earliest);
            }
            return date;
        }

        @Override
        public String describe() {
            return "date, 2026-03-04 or 3/4/2026" + (notInFuture ? ", not in the future" : "")
                    + (earliest != null ? ", not before " + earliest : "");
        }
    }

    /**
     * An instant in UTC: {@code 2026-12-01T10:00:00Z}, {@code 2026-12-01 10:00:00Z} (how the .xlsx exports write
     * instants), or a date (a workbook date cell, {@code 2026-12-01} or {@code 12/1/2026}) meaning its start in UTC.
     */
    record Moment() implements ColumnType<Instant> {

        private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
                .withZone(ZoneOffset.UTC);

        @Override
        public Instant parse(Cell cell, FileFacts facts) {
            Instant instant = read(cell, facts);
            storable(instant.toString(), StorableValues.instantRefusal(instant));
            return instant;
        }

        private static Instant read(Cell cell, FileFacts facts) {
            if (cell.date() != null) {
                return cell.date().atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String text = cell.text();
            if (!text.contains(":")) {
                return Dates.parse(text, facts.dayFirstLine()).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return text.contains("T") ? Instant.parse(text) : SPACED.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                throw new CellRefused("'" + text + "' is not an instant: write 2026-12-01T10:00:00Z, "
                        + "2026-12-01 10:00:00Z or a date (its start in UTC)");
            }
        }

        @Override
        public String describe() {
            return "instant in UTC, 2026-03-04T10:00:00Z or 2026-03-04 10:00:00Z, or a date meaning its start";
        }
    }

    /** The one rule of what the database can store ({@link StorableValues}) holds for file cells too. */
    private static void storable(String value, String refusal) {
        if (refusal != null) {
            throw new CellRefused(value + " " + refusal);
        }
    }
}
