package io.loadout.functions.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.loadout.adapters.gcp.CloudEventData;
import io.loadout.adapters.gcp.CloudEventFunction;
import io.loadout.adapters.gcp.StorageObjectData;
import io.loadout.imports.ImportService;
import io.loadout.imports.StoredObject;
import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Cloud Storage finalize → {@link ImportService}. Redeliveries and unrelated objects are harmless. */
@Singleton // stateless; a declared scope also makes it a bean where no Funqy binding is present (local stack)
public class ImportsFunction implements CloudEventFunction {

    private static final Logger LOG = Logger.getLogger(ImportsFunction.class);

    @Inject
    ImportService imports;
    @Inject
    ObjectMapper json;

    @Override
    public void accept(CloudEvent event) {
        importObject(event);
    }

    @Funq
    public void importObject(CloudEvent event) {
        StoredObject object;
        try {
            object = CloudEventData.read(event, StorageObjectData.FINALIZED, StorageObjectData.class, json).toStoredObject();
        } catch (IllegalArgumentException e) {
            // A malformed event can never succeed: log it instead of failing into endless redelivery.
            LOG.errorf(e, "dropping undecodable event %s", event.getId());
            return;
        }
        var outcome = imports.onObjectFinalized(object);
        LOG.infof("gs://%s/%s#%d: %s", object.bucket(), object.name(), object.generation(), outcome);
    }
}
