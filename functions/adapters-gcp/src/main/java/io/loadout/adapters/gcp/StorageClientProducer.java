package io.loadout.adapters.gcp;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The Cloud Storage client, with the function's service-account credentials from the environment. */
public class StorageClientProducer {

    @Produces
    @ApplicationScoped
    Storage storage() {
        return StorageOptions.getDefaultInstance().getService();
    }
}
