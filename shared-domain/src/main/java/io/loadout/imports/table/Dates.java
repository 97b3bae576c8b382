package io.loadout.imports.table;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one date rule: ISO {@code 2026-03-04}, US {@code 3/4/2026} (month first, four-digit year), or a workbook's
 * date cell. Refused: impossible dates (2/30/2026), two-digit years, a slash date with a first part above 12
 * (day/month order, which a US reading cannot be), and, in a file holding such a day/month date, every slash date
 * that reads differently in the two orders (3/4/2026). Bare numbers are refused in CSV files: an Excel serial
 * (46085) is accepted only as a workbook date cell, where the format says it is a date.
 */
public final class Dates {

    private static final Pattern SLASH = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d+)");
    private static final String FORMATS = "write 2026-03-04 or 3/4/2026";

    private Dates() {
    }

    /** Whether the text is a slash date that can only be day/month ({@code 25/3/2026}). */
    static boolean dayFirst(String text) {
        Matcher m = SLASH.matcher(text);
        return m.matches() && Integer.parseInt(m.group(1)) > 12 && Integer.parseInt(m.group(2)) <= 12;
    }

    /**
     * Whether the text is a slash date a day/month date elsewhere in the file would make ambiguous ({@code 3/4/2026}:
     * both parts could be the month, and they differ).
     */
    static boolean orderMatters(String text) {
        if (text.indexOf('/') < 0) {
            return false;
        }
        Matcher m = SLASH.matcher(text);
        if (!m.matches() || m.group(3).length() != 4) {
            return false;
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        return first <= 12 && second <= 12 && first != second;
    }

    /**
     * @param dayFirstLine the first line of the file showing a day/month date, 0 if none
     * @throws CellRefused when the text is not one unambiguous real date
     */
    public static LocalDate parse(String text, long dayFirstLine) {
        if (isoShaped(text)) {
            return of(text, text.substring(0, 4), text.substring(5, 7), text.substring(8, 10));
        }
        Matcher us = SLASH.matcher(text);
        if (!us.matches()) {
            throw new CellRefused("'" + text + "' is not a date: " + FORMATS);
        }
        if (us.group(3).length() != 4) {
            throw new CellRefused("'" + text + "': write the year with 4 digits (" + FORMATS + ")");
        }
        int first = Integer.parseInt(us.group(1));
        int second = Integer.parseInt(us.group(2));
        if (first > 12 && second <= 12) {
            throw new CellRefused("'" + text + "' is day/month order; dates with slashes are read as US month/day:"
                    + " write " + String.format("%s-%02d-%02d", us.group(3), second, first));
        }
        if (dayFirstLine > 0 && first != second && second <= 12) {
            throw new CellRefused("'" + text + "' is ambiguous: the file also holds day/month dates (line "
                    + dayFirstLine + "); write " + String.format("%s-%02d-%02d", us.group(3), first, second)
                    + " or " + String.format("%s-%02d-%02d", us.group(3), second, first));
        }
        return of(text, us.group(3), us.group(1), us.group(2));
    }

    /** {@code dddd-dd-dd}, checked without a pattern: most cells of most files are written so. */
    private static boolean isoShaped(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = text.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate of(String text, String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new CellRefused("'" + text + "' is not a real date");
        }
    }
}
