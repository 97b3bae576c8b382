package io.loadout.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.loadout.shared.DomainException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json naming the field at fault; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "urn:loadout:problem:";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof DomainException.NotFound) {
            return problem(404, "not-found", "Not found", e.getMessage(), uri, null, List.of());
        }
        if (e instanceof DomainException.Unauthenticated) {
            return problem(401, "unauthenticated", "Unauthenticated", e.getMessage(), uri, e.field(), List.of());
        }
        if (e instanceof DomainException.Conflict conflict) {
            return problem(409, "conflict", "Conflict", e.getMessage(), uri, e.field(), List.of(), conflict.conflictsWith());
        }
        return problem(400, "invalid-input", "Invalid request", e.getMessage(), uri, e.field(),
                e.field() == null ? List.of() : List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        return problem(400, "validation", "Invalid request", detail, uri, errors.isEmpty() ? null : errors.get(0).field(),
                errors);
    }

    /** Listed explicitly: Quarkus REST ships its own, more specific mapper for MismatchedInputException. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : null;
        String reason = e.getCause() instanceof DomainException refused ? refused.getMessage() : "wrong value or type";
        String detail = field == null ? "the request body is not valid JSON" : "field " + field + ": " + reason;
        return problem(400, "unreadable-body", "Invalid request", detail, uri, field,
                field == null ? List.of() : List.of(new Problem.FieldError(field, reason)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        var response = problem(401, "unauthenticated", "Unauthenticated",
                "a valid bearer token is required (Authorization: Bearer ldt_…)", uri, null, List.of());
        return Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "your role may not do this", uri, null, List.of());
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return problem(409, "conflict", "Conflict", "the change clashes with stored data (" + e.getConstraintName() + ")",
                uri, null, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps a value a @JsonCreator refused (e.g. an unknown GST rate) in a plain 400
            return unreadable(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return problem(status, "http-" + status, title, e.getMessage(), uri, null, List.of());
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error on " + uri.getPath(), e);
        return problem(500, "internal", "Internal error", "an unexpected error occurred; it has been logged", uri, null,
                List.of());
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri, String field,
                            List<Problem.FieldError> errors) {
        return problem(status, type, title, detail, uri, field, errors, null);
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri, String field,
                            List<Problem.FieldError> errors, String conflictsWith) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE + type, title, status, detail, uri == null ? null : uri.getPath(), field, errors,
                        conflictsWith))
                .build();
    }

    /**
     * The input field of a violation: the path after the method and parameter nodes, e.g.
     * {@code create.command.email} → {@code email}; a violation on a query parameter keeps the parameter name.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        int firstProperty = 0;
        while (firstProperty < nodes.size() && (nodes.get(firstProperty).getKind() == jakarta.validation.ElementKind.METHOD
                || nodes.get(firstProperty).getKind() == jakarta.validation.ElementKind.PARAMETER)) {
            firstProperty++;
        }
        if (firstProperty == nodes.size()) {
            return nodes.isEmpty() ? "request" : nodes.get(nodes.size() - 1).getName();
        }
        return nodes.subList(firstProperty, nodes.size()).stream().map(Path.Node::getName).collect(Collectors.joining("."));
    }

    static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? null : path;
    }
}
