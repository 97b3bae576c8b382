package io.loadout.allocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "loadout.allocation")
public interface AllocationConfig {

    Cart cart();

    Pallet pallet();

    Sheet sheet();

    AutoFba autofba();

    /** Whether an allocation function warms the pallet planner on a thread of its own as it starts (ADR 0019). */
    @WithDefault("true")
    boolean warmUpPlanner();

    interface Cart {
        /** A draft cart's goods count as reserved (shown next to the balance) until it is confirmed or this passes. */
        @WithDefault("PT24H")
        Duration draftLifetime();
    }

    /** The pallet every generator run packs into, and what it costs to ship one. */
    interface Pallet {
        @WithDefault("48")
        BigDecimal lengthIn();

        @WithDefault("40")
        BigDecimal widthIn();

        @WithDefault("72")
        BigDecimal heightIn();

        @WithDefault("2200")
        BigDecimal maxWeightLb();

        /** Freight for one pallet, shared by its units. */
        @WithDefault("1000.00")
        BigDecimal freight();

        /** A pallet filled to this share of its volume or weight counts as full ("full pallet ready"). */
        @WithDefault("0.90")
        BigDecimal fullAt();
    }

    /** The buying sheet's published CSV export, polled by the {@code inventory-sheet-poll} job. */
    interface Sheet {
        Optional<URI> url();

        @WithDefault("PT30S")
        Duration timeout();
    }

    /** The AutoFBA panel's REST endpoint, pulled by the {@code autofba-pull} job (JSON contract in the README). */
    interface AutoFba {
        Optional<URI> url();

        /** Sent as {@code Authorization: Bearer …} when set. */
        Optional<String> token();

        @WithDefault("PT30S")
        Duration timeout();
    }
}
