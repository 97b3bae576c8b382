package io.loadout.imports.table;

/** Which character a file uses as its decimal separator, as established by the evidence in the file. */
public enum NumberConvention {
    /** {@code 1,234.50}: point for decimals, comma for thousands. */
    DECIMAL_POINT,
    /** {@code 1.234,50}: comma for decimals, point for thousands. */
    DECIMAL_COMMA,
    /** No value in the file tells: values that read differently under the two conventions are refused. */
    UNDECIDED
}
