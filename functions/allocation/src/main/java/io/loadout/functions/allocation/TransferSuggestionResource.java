package io.loadout.functions.allocation;

import io.loadout.adapters.http.CurrentCaller;
import io.loadout.adapters.http.Roles;
import io.loadout.allocation.TransferSuggestions;
import io.loadout.allocation.TransferSuggestions.Accepted;
import io.loadout.allocation.TransferSuggestions.SuggestionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** Suggestions, opened by a balance shortfall, to move a client's units to a mutual store. */
@Path("/api/allocation/transfer-suggestions")
@RolesAllowed(Roles.ADMIN)
public class TransferSuggestionResource {

    private final TransferSuggestions suggestions;
    private final CurrentCaller caller;

    TransferSuggestionResource(TransferSuggestions suggestions, CurrentCaller caller) {
        this.suggestions = suggestions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public List<SuggestionView> open() {
        return suggestions.open(caller.get());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    public SuggestionView get(@PathParam("id") long id) {
        return suggestions.get(id, caller.get());
    }

    @POST
    @Path("/{id}/accept")
    public Accepted accept(@PathParam("id") long id) {
        return suggestions.accept(id, caller.get());
    }

    @POST
    @Path("/{id}/dismiss")
    public SuggestionView dismiss(@PathParam("id") long id) {
        return suggestions.dismiss(id, caller.get());
    }
}
