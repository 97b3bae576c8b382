package io.loadout.imports.table;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One cell as the file holds it: always its text; a workbook's number cell also carries its number, and a
 * workbook's date cell its date, so typed cells never go through text parsing.
 */
public record Cell(String text, BigDecimal number, LocalDate date) {

    public static final Cell BLANK = new Cell("", null, null);

    public Cell {
        text = text == null ? "" : text.strip();
    }

    public static Cell text(String text) {
        return new Cell(text, null, null);
    }

    public boolean isBlank() {
        return text.isEmpty() && number == null && date == null;
    }
}
