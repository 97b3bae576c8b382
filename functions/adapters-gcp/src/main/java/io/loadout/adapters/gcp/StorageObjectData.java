package io.loadout.adapters.gcp;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.loadout.imports.StoredObject;

/**
 * The data of a {@code google.cloud.storage.object.v1.finalized} CloudEvent (the StorageObjectData schema).
 * Cloud Storage encodes the int64 fields as strings.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record StorageObjectData(String bucket, String name, String generation, String size, String contentType,
                                String md5Hash, String timeCreated) {

    public static final String FINALIZED = "google.cloud.storage.object.v1.finalized";

    /** @throws IllegalArgumentException (NumberFormatException) when a numeric field is not a number */
    public StoredObject toStoredObject() {
        if (bucket == null || name == null || generation == null) {
            throw new IllegalArgumentException("storage event without bucket, name or generation");
        }
        return new StoredObject(bucket, name, Long.parseLong(generation), size == null ? null : Long.parseLong(size),
                contentType);
    }
}
