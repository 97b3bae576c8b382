package io.loadout.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.loadout.shared.DomainException;
import io.loadout.shared.FieldPaths;
import io.loadout.shared.JsonRefusals;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json naming the field at fault; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE = "urn:loadout:problem:";
    /** The field named when the request body as a whole is at fault. */
    static final String BODY = "body";

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (e instanceof DomainException.NotFound) {
            return problem(404, "not-found", "Not found", e.getMessage(), uri, e.field(), List.of());
        }
        if (e instanceof DomainException.RateLimited limited) {
            var response = problem(429, "rate-limited", "Too many requests", e.getMessage(), uri, e.field(), List.of());
            return Response.fromResponse(response).header("Retry-After", limited.retryAfterSeconds()).build();
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

    /**
     * Listed explicitly: Quarkus REST ships its own, more specific mapper for MismatchedInputException. A problem
     * with the body as a whole (not JSON, or JSON of the wrong shape) names the field {@value #BODY}.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String path = JsonRefusals.path(e);
        String field = path == null ? BODY : path;
        String reason = JsonRefusals.reason(e);
        String detail = (path == null ? "the request body " : "field " + path + " ") + reason;
        return problem(400, "unreadable-body", "Invalid request", detail, uri, field,
                List.of(new Problem.FieldError(field, reason)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(tokenRequired(uri.getPath())).build();
    }

    /** The one 401 of a missing or bad token, whether JAX-RS or the HTTP permission layer refuses the request. */
    static Problem tokenRequired(String path) {
        return new Problem(TYPE + "unauthenticated", "Unauthenticated", 401,
                "a valid bearer token is required (Authorization: Bearer ldt_…)", path, null, List.of(), null);
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

    /**
     * The last line of defence, not the rule: a value the edge guards let through that PostgreSQL cannot store
     * (SQLSTATE class 22: out of range, not representable). A 400 without a field, logged so the gap gets a guard.
     */
    @ServerExceptionMapper
    public Response unstorable(org.hibernate.exception.DataException e, UriInfo uri) {
        LOG.warnf("unguarded value reached the database on %s: SQLSTATE %s", uri.getPath(), e.getSQLState());
        return problem(400, "invalid-input", "Invalid request",
                "a value in the request cannot be stored (out of range or not representable)", uri, null, List.of());
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

    /**
     * A request body Quarkus REST could not parse before any resource ran (e.g. an empty or truncated multipart
     * form) is the client's fault; any other IOException is ours.
     */
    @ServerExceptionMapper
    public Response unreadableForm(IOException e, UriInfo uri) {
        boolean parsingTheRequest = Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(FORM_BODY_HANDLER));
        if (!parsingTheRequest) {
            return unexpected(e, uri);
        }
        return problem(400, "unreadable-body", "Invalid request", "the request body could not be read as a form", uri,
                BODY, List.of(new Problem.FieldError(BODY, "is not a complete multipart/form-data body")));
    }

    private static boolean lostAnOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static final String FORM_BODY_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (lostAnOptimisticLock(e)) {
            // two writes to one versioned row at once: the commit (wrapped by the transaction) refused the later one
            return problem(409, "conflict", "Conflict", "the row was changed by another request at the same time; "
                    + "read it again and retry", uri, null, List.of());
        }
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
     * The input field of a violation ({@code create.command.items[2].email} → {@code items[2].email}); a violation on
     * the parameter itself (only request bodies are constrained as a whole, e.g. {@code @NotNull}) names {@value #BODY}.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        String field = FieldPaths.of(violation);
        return field == null ? BODY : field;
    }
}
