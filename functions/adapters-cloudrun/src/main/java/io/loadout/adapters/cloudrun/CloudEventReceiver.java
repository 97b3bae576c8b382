package io.loadout.adapters.cloudrun;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.loadout.adapters.gcp.CloudEventFunction;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * Eventarc delivers to Cloud Run in binary content mode: attributes in {@code ce-*} headers, data in the body.
 * A 2xx acknowledges; any error answers 5xx so Eventarc redelivers. Access is guarded by Cloud Run IAM (only the
 * trigger's service account may invoke), so the endpoint itself needs no application role.
 */
@Path("/")
public class CloudEventReceiver {

    private final CloudEventFunction function;

    CloudEventReceiver(CloudEventFunction function) {
        this.function = function;
    }

    @POST
    @PermitAll
    public Response receive(HttpHeaders headers, byte[] body) {
        String id = headers.getHeaderString("ce-id");
        String type = headers.getHeaderString("ce-type");
        String source = headers.getHeaderString("ce-source");
        if (id == null || type == null || source == null) {
            return Response.status(400).entity("a binary-mode CloudEvent needs ce-id, ce-type and ce-source headers").build();
        }
        var event = CloudEventBuilder.v1()
                .withId(id)
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(headers.getHeaderString("ce-subject"))
                .withDataContentType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE));
        String time = headers.getHeaderString("ce-time");
        if (time != null) {
            event.withTime(OffsetDateTime.parse(time));
        }
        if (body != null && body.length > 0) {
            event.withData(body);
        }
        function.accept(event.build());
        return Response.ok().build();
    }
}
