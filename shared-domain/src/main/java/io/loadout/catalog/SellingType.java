package io.loadout.catalog;

public enum SellingType {
    UNKNOWN, SALEABLE, NON_SALEABLE
}
