package io.loadout.functions.ops;

import io.loadout.event.OutboxRelay;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Liveness of the function and its database, and the outbox backlog. Public: reveals no tenant data. */
@Path("/api/ops/health")
public class HealthResource {

    public record Health(String status, boolean database, Long outboxBacklog) {
    }

    private final OutboxRelay outbox;

    HealthResource(OutboxRelay outbox) {
        this.outbox = outbox;
    }

    @GET
    @PermitAll
    public Response health() {
        try {
            return Response.ok(new Health("UP", true, outbox.backlog())).build();
        } catch (RuntimeException e) {
            return Response.status(503).entity(new Health("DOWN", false, null)).build();
        }
    }
}
