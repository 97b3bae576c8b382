package io.loadout.catalog;

/** Status of a base product, version, catalog or configuration; INACTIVE hides the row and all below it from sale. */
public enum ProductStatus {
    ACTIVE, INACTIVE
}
