package io.loadout.allocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The ungating software's message (and an admin's manual update): store id, ASIN, status, when it was decided. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record UngatingUpdate(@NotBlank @Size(max = 100) String store, @NotBlank String asin,
                             @NotNull UngatingStatus status, @NotNull Instant updatedAt) {
}
