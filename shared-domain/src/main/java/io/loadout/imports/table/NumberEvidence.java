package io.loadout.imports.table;

/** Collects, over the rows read, the first line showing each decimal convention (see {@link Numbers}). */
final class NumberEvidence {

    private long pointLine;
    private String pointValue;
    private String pointColumn;
    private long commaLine;
    private String commaValue;
    private String commaColumn;

    /** True when the value is the first evidence for its convention (the file's convention may have changed). */
    boolean see(String text, long line, String column) {
        if (text.isEmpty()) {
            return false;
        }
        switch (Numbers.readings(text).evidence()) {
            case DECIMAL_POINT -> {
                if (pointValue == null) {
                    pointValue = text;
                    pointLine = line;
                    pointColumn = column;
                    return true;
                }
            }
            case DECIMAL_COMMA -> {
                if (commaValue == null) {
                    commaValue = text;
                    commaLine = line;
                    commaColumn = column;
                    return true;
                }
            }
            default -> {
            }
        }
        return false;
    }

    /** @throws FileRefused when the file shows both conventions */
    NumberConvention convention() {
        if (pointValue != null && commaValue != null) {
            throw new FileRefused(Math.max(pointLine, commaLine), pointLine > commaLine ? pointColumn : commaColumn,
                    "the file mixes decimal points (line " + pointLine
                    + ": '" + pointValue + "') and decimal commas (line " + commaLine + ": '" + commaValue
                    + "'), so what a value like 1,234 means cannot be told: save the file with one convention");
        }
        return pointValue != null ? NumberConvention.DECIMAL_POINT
                : commaValue != null ? NumberConvention.DECIMAL_COMMA : NumberConvention.UNDECIDED;
    }
}
