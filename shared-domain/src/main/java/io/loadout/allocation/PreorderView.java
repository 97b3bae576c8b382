package io.loadout.allocation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@RegisterForReflection
public record PreorderView(long id, long clientId, String client, long storeId, String store, String asin,
                           int quantity, BigDecimal amount, BigDecimal deposit, BigDecimal balanceDue,
                           LocalDate expectedArrival, PreorderStatus status, Instant createdAt, Instant changedAt) {
}
