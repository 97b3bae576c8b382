package io.loadout.adapters.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code field} names the offending input; {@code errors} lists every violation;
 * {@code conflictsWith} names the stored row a 409 clashes with (e.g. {@code price/42}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
public record Problem(String type, String title, int status, String detail, String instance, String field,
                      List<FieldError> errors, String conflictsWith) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @RegisterForReflection // Jackson maps it outside JAX-RS signatures (native image)
    public record FieldError(String field, String message) {
    }
}
