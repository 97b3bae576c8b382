package io.loadout.imports;

/** A file that landed in the bucket, as the storage trigger describes it. Generation distinguishes overwrites. */
public record StoredObject(String bucket, String name, long generation, Long sizeBytes, String contentType) {
}
