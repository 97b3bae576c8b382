package io.loadout.imports.table;

/** Collects, over the evidence pass, the first line showing each decimal convention (see {@link Numbers}). */
final class NumberEvidence {

    private long pointLine;
    private String pointValue;
    private long commaLine;
    private String commaValue;

    void see(String text, long line) {
        if (text.isEmpty()) {
            return;
        }
        switch (Numbers.readings(text).evidence()) {
            case DECIMAL_POINT -> {
                if (pointValue == null) {
                    pointValue = text;
                    pointLine = line;
                }
            }
            case DECIMAL_COMMA -> {
                if (commaValue == null) {
                    commaValue = text;
                    commaLine = line;
                }
            }
            default -> {
            }
        }
    }

    /** @throws FileRefused when the file shows both conventions */
    NumberConvention convention() {
        if (pointValue != null && commaValue != null) {
            throw new FileRefused(Math.max(pointLine, commaLine), "the file mixes decimal points (line " + pointLine
                    + ": '" + pointValue + "') and decimal commas (line " + commaLine + ": '" + commaValue
                    + "'), so what a value like 1,234 means cannot be told: save the file with one convention");
        }
        return pointValue != null ? NumberConvention.DECIMAL_POINT
                : commaValue != null ? NumberConvention.DECIMAL_COMMA : NumberConvention.UNDECIDED;
    }
}
