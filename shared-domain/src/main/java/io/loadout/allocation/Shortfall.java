package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/** How much a balance lacks, and the open suggestion to move the units to a mutual store (null when none). */
@RegisterForReflection
public record Shortfall(BigDecimal needed, BigDecimal available, BigDecimal amount, Long suggestionId,
                        StoreRef mutualStore) {
}
