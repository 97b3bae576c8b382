package io.loadout.account;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record NewToken(@NotBlank @Size(max = 100) String label, @Future Instant expiresAt) {
}
