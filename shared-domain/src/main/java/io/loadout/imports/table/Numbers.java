package io.loadout.imports.table;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one number rule of every import. A cell is first cleaned: surrounding spaces, one currency symbol
 * ({@code $ € £}) before or after the digits and a leading sign are taken off. What remains is read under both
 * conventions:
 * <ul>
 *   <li>decimal point: {@code 1234}, {@code 1234.5}, {@code .5}, or thousands grouped by commas in threes with an
 *       optional point fraction ({@code 1,234}, {@code 1,234,567.25});</li>
 *   <li>decimal comma: the same with the roles swapped ({@code 1234,5}, {@code 1.234}, {@code 1.234.567,25}).</li>
 * </ul>
 * A value readable under only one convention is <b>evidence</b> for it ({@code 4,2}, {@code 8,00}, {@code 4,25},
 * {@code 1.234,50}, {@code 1.234.567} are evidence of a decimal comma, since a decimal-point file can never write
 * them; {@code 4.2}, {@code 0.234}, {@code 1,234.50} of a decimal point). A value readable under both with the same
 * result ({@code 1234}) is neutral; under both with different results ({@code 1,234} and {@code 1.234}: 1234 or
 * 1.234) it is <b>ambiguous</b>. The evidence pass looks at every text cell of every number column of the file:
 * <ul>
 *   <li>evidence for one convention only: that convention is the file's, and every value is read under it
 *       (so in a decimal-comma file {@code 1.234} is 1234 and {@code 1,234} is 1.234);</li>
 *   <li>evidence for both: the whole file is refused, naming one line of each;</li>
 *   <li>no evidence: neutral values are read, ambiguous ones are refused (never guessed).</li>
 * </ul>
 * Hence {@code 4,2} is never 42: alone it establishes the decimal comma (4.2); next to a {@code 4.5} it makes the
 * file refused. Spaces inside a number, apostrophes, parentheses for negatives and exponents are not numbers.
 */
public final class Numbers {

    private static final Pattern POINT = Pattern.compile("\\d+|\\d*\\.\\d+|[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern COMMA = Pattern.compile("\\d+|\\d*,\\d+|[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?");
    private static final String CURRENCY = "$€£";

    private Numbers() {
    }

    /** The value under each convention, null where it does not read. */
    record Readings(BigDecimal point, BigDecimal comma) {

        NumberConvention evidence() {
            if (point != null && comma == null) {
                return NumberConvention.DECIMAL_POINT;
            }
            if (comma != null && point == null) {
                return NumberConvention.DECIMAL_COMMA;
            }
            return NumberConvention.UNDECIDED;
        }

        /** Reads as one value whatever the file's convention turns out to be (evidence, or the same under both). */
        boolean readsAlike() {
            return point != null && comma == null || comma != null && point == null
                    || point != null && point.compareTo(comma) == 0;
        }

        boolean ambiguous() {
            return point != null && comma != null && point.compareTo(comma) != 0;
        }
    }

    static Readings readings(String text) {
        var plain = plainReadings(text);
        return plain != null ? plain : patternReadings(text);
    }

    /** The readings by the rule's patterns, for any text (the reference {@link #plainReadings} must agree with). */
    static Readings patternReadings(String text) {
        String cleaned = clean(text);
        if (cleaned == null) {
            return new Readings(null, null);
        }
        boolean negative = cleaned.startsWith("-");
        String digits = negative ? cleaned.substring(1) : cleaned;
        BigDecimal point = POINT.matcher(digits).matches() ? new BigDecimal(digits.replace(",", "")) : null;
        BigDecimal comma = COMMA.matcher(digits).matches()
                ? new BigDecimal(digits.replace(".", "").replace(',', '.')) : null;
        return new Readings(negative && point != null ? point.negate() : point,
                negative && comma != null ? comma.negate() : comma);
    }

    /**
     * The value of a cell under the file's convention.
     *
     * @throws CellRefused when it is not a number, or ambiguous in a file without an established convention
     */
    public static BigDecimal parse(String text, NumberConvention convention) {
        var readings = readings(text);
        BigDecimal value = switch (convention) {
            case DECIMAL_POINT -> readings.point();
            case DECIMAL_COMMA -> readings.comma();
            case UNDECIDED -> readings.ambiguous() ? null : readings.point() != null ? readings.point() : readings.comma();
        };
        if (value != null) {
            return value;
        }
        if (convention == NumberConvention.UNDECIDED && readings.ambiguous()) {
            throw new CellRefused("'" + text + "' is ambiguous: " + readings.point().toPlainString() + " or "
                    + readings.comma().toPlainString() + "? No other value in the file shows its decimal separator;"
                    + " write it without a thousands separator");
        }
        throw new CellRefused("'" + text + "' is not a number" + (convention == NumberConvention.UNDECIDED ? ""
                : convention == NumberConvention.DECIMAL_COMMA ? " (this file writes decimals with a comma: 1.234,50)"
                : " (this file writes decimals with a point: 1,234.50)"));
    }

    /**
     * The readings of the common case without the patterns (they cost more than the rest of a row): ASCII digits
     * with at most one point and no comma, sign or symbol. Digits alone read the same under both conventions;
     * {@code d.ddd} (a first group of 1–3 digits not starting with 0, then three) is also a thousands group for a
     * decimal comma; any other point is a decimal point only. Null for everything else, which the patterns read.
     */
    private static Readings plainReadings(String text) {
        int length = text.length();
        int point = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        if (length == 0 || point == length - 1) {
            return null;
        }
        var value = new BigDecimal(text);
        if (point < 0) {
            return new Readings(value, value);
        }
        boolean thousandsGroup = length - point - 1 == 3 && point >= 1 && point <= 3 && text.charAt(0) != '0';
        return new Readings(value, thousandsGroup ? value.movePointRight(3).setScale(0) : null);
    }

    /** Spaces, one currency symbol and the sign off; "-" kept in front; null when nothing numeric is left. */
    private static String clean(String text) {
        String s = text == null ? "" : text.strip();
        String sign = "";
        if (s.startsWith("-") || s.startsWith("+")) {
            sign = s.substring(0, 1);
            s = s.substring(1).strip();
        }
        if (!s.isEmpty() && CURRENCY.indexOf(s.charAt(0)) >= 0) {
            s = s.substring(1).strip();
        } else if (!s.isEmpty() && CURRENCY.indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (sign.isEmpty() && (s.startsWith("-") || s.startsWith("+"))) {
            sign = s.substring(0, 1);
            s = s.substring(1).strip();
        }
        return s.isEmpty() ? null : (sign.equals("-") ? "-" : "") + s;
    }
}
