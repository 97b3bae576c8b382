package io.loadout.imports;

import java.util.Optional;

/**
 * Where an import file lives and what kind it is: {@code imports/<kind>/<file>}, or
 * {@code imports/<kind>/dry-run/<file>} for a dry run of that kind (validated and counted, nothing written: ADR
 * 0016). Errors reports written back next to the upload ({@code <object name>.errors.csv}) are never imports
 * themselves.
 */
public record ImportPath(String objectName, String kind, boolean dryRun) {

    public static final String ROOT = "imports/";
    public static final String ERRORS_SUFFIX = ".errors.csv";
    /** The folder under {@code imports/<kind>/} whose files are dry runs of that kind. */
    public static final String DRY_RUN_FOLDER = "dry-run/";

    public ImportPath(String objectName, String kind) {
        this(objectName, kind, false);
    }

    /** Empty when the object is not an import (outside {@code imports/}, a folder marker, or an errors report). */
    public static Optional<ImportPath> parse(String objectName) {
        if (objectName == null || !objectName.startsWith(ROOT) || objectName.endsWith("/")
                || objectName.endsWith(ERRORS_SUFFIX)) {
            return Optional.empty();
        }
        String rest = objectName.substring(ROOT.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.of(new ImportPath(objectName, "", false));
        }
        boolean dryRun = rest.startsWith(DRY_RUN_FOLDER, slash + 1);
        return Optional.of(new ImportPath(objectName, rest.substring(0, slash), dryRun));
    }

    /**
     * {@code imports/x/data.csv} → {@code imports/x/data.csv.errors.csv}: named after the whole object name, so
     * {@code data.csv} and {@code data.xlsx} each have their own report.
     */
    public String errorsObject() {
        return objectName + ERRORS_SUFFIX;
    }

    /**
     * The report's name before ADR 0013, after the name without its extension ({@code imports/x/data.csv} →
     * {@code imports/x/data.errors.csv}); empty when the name has no extension (then both names are the same).
     */
    public Optional<String> legacyErrorsObject() {
        int slash = objectName.lastIndexOf('/');
        int dot = objectName.lastIndexOf('.');
        return dot > slash ? Optional.of(objectName.substring(0, dot) + ERRORS_SUFFIX) : Optional.empty();
    }
}
