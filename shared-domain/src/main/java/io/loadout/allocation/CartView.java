package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@RegisterForReflection
public record CartView(long id, ClientRef client, StoreRef store, CartStatus status, BigDecimal requestedAmount,
                       BigDecimal goodsTotal, int units, Instant createdAt, Instant expiresAt, Instant confirmedAt,
                       Instant cancelledAt, List<Line> lines) {

    @RegisterForReflection
    public record Line(long lotId, String asin, String title, LocalDate dateAdded, int quantity, BigDecimal unitCost,
                       BigDecimal lineTotal) {
    }
}
