package io.loadout.imports;

import java.util.Optional;

/**
 * Where an import file lives and what kind it is: {@code imports/<kind>/<file>}. Errors reports written back
 * next to the upload ({@code <file>.errors.csv}) are never imports themselves.
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

    /** {@code imports/x/data.csv} → {@code imports/x/data.errors.csv}. */
    public String errorsObject() {
        int slash = objectName.lastIndexOf('/');
        int dot = objectName.lastIndexOf('.');
        String stem = dot > slash ? objectName.substring(0, dot) : objectName;
        return stem + ERRORS_SUFFIX;
    }
}
