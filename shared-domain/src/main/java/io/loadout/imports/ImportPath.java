package io.loadout.imports;

import java.util.Optional;

/**
 * Where an import file lives and what kind it is: {@code imports/<kind>/<file>}. Errors reports written back
 * next to the upload ({@code <object name>.errors.csv}) are never imports themselves.
 */
public record ImportPath(String objectName, String kind) {

    public static final String ROOT = "imports/";
    public static final String ERRORS_SUFFIX = ".errors.csv";

    /** Empty when the object is not an import (outside {@code imports/}, a folder marker, or an errors report). */
    public static Optional<ImportPath> parse(String objectName) {
        if (objectName == null || !objectName.startsWith(ROOT) || objectName.endsWith("/")
                || objectName.endsWith(ERRORS_SUFFIX)) {
            return Optional.empty();
        }
        String rest = objectName.substring(ROOT.length());
        int slash = rest.indexOf('/');
        return Optional.of(new ImportPath(objectName, slash <= 0 ? "" : rest.substring(0, slash)));
    }

    /**
     * {@code imports/x/data.csv} → {@code imports/x/data.csv.errors.csv}: named after the whole object name, so
     * {@code data.csv} and {@code data.xlsx} each have their own report.
     */
    public String errorsObject() {
        return objectName + ERRORS_SUFFIX;
    }
}
