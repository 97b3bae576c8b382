package io.loadout.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One key/value detail of a configuration, e.g. {@code Battery = 60V 30Ah}. */
public record AdditionalInfo(@NotBlank @Size(max = 100) String key, @NotBlank @Size(max = 500) String value) {
}
