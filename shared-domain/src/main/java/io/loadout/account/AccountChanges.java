package io.loadout.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update: null fields stay as they are. */
public record AccountChanges(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Email @Size(min = 3, max = 320) String email,
        Boolean active) {
}
