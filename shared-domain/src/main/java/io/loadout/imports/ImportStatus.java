package io.loadout.imports;

public enum ImportStatus {
    RECEIVED, PROCESSING, SUCCEEDED, FAILED, PARTIAL;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == PARTIAL;
    }
}
