package io.loadout.functions.ops;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.alert.Alert;
import io.loadout.alert.AlertService;
import io.loadout.alert.AlertSeverity;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/** Dashboard alerts: operators see all; a client sees only alerts about its own account. */
@Path("/api/ops/alerts")
public class AlertResource {

    public record AlertView(long id, Long accountId, AlertSeverity severity, String code, String title, String detail,
                            Instant createdAt, Instant acknowledgedAt, Long acknowledgedBy) {
        static AlertView of(Alert a) {
            return new AlertView(a.id(), a.accountId(), a.severity(), a.code(), a.title(), a.detail(), a.createdAt(),
                    a.acknowledgedAt(), a.acknowledgedBy());
        }
    }

    private final AlertService alerts;
    private final CurrentCaller caller;

    AlertResource(AlertService alerts, CurrentCaller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public Page<AlertView> list(@QueryParam("open") Boolean openOnly, @QueryParam("before") Long before,
                                @QueryParam("limit") Integer limit) {
        return alerts.list(caller.get(), Boolean.TRUE.equals(openOnly), PageRequest.of(before, limit)).map(AlertView::of);
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public AlertView acknowledge(@PathParam("id") long id) {
        return AlertView.of(alerts.acknowledge(caller.get(), id));
    }
}
