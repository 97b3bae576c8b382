package io.loadout.adapters.http;

import io.loadout.shared.StorableValues;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One guard for every query and path parameter of every HTTP function: text PostgreSQL cannot store (a NUL, an
 * unpaired surrogate) is a 400 naming the parameter before any resource or query sees it. JSON bodies get the same
 * rule from {@link io.loadout.shared.StorableInputJson}.
 */
public class StorableParameters {

    @ServerRequestFilter
    public Response refuseUnstorable(UriInfo uri) {
        Response refused = check(uri.getPathParameters(), uri);
        return refused != null ? refused : check(uri.getQueryParameters(), uri);
    }

    private static Response check(MultivaluedMap<String, String> parameters, UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String why = StorableValues.textRefusal(name);
            if (why != null) {
                return refused("(parameter name)", why, uri);
            }
            for (String value : parameter.getValue()) {
                why = StorableValues.textRefusal(value);
                if (why != null) {
                    return refused(name, why, uri);
                }
            }
        }
        return null;
    }

    private static Response refused(String name, String why, UriInfo uri) {
        return ProblemMappers.problem(400, "invalid-input", "Invalid request", name + " " + why, uri, name,
                List.of(new Problem.FieldError(name, why)));
    }
}
