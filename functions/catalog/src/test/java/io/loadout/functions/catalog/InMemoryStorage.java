package io.loadout.functions.catalog;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Google's in-memory Cloud Storage under the real GcsBlobStore adapter (no GCS emulator is obtainable here). */
public class InMemoryStorage {

    static final Storage STORAGE = LocalStorageHelper.getOptions().getService();

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    Storage storage() {
        return STORAGE;
    }
}
