package io.loadout.orders;

import io.loadout.shared.DomainException;
import java.time.LocalDate;

/**
 * What a seller's order list and its counts are narrowed to; every part optional. {@code from} and {@code to} are
 * order dates (UTC), both included; {@code text} is matched in the order number, the customer's name and email and
 * the tracking id.
 */
public record OrderFilter(Long customerId, OrderStatus status, PaymentStatus paymentStatus, LocalDate from,
                          LocalDate to, String text) {

    public OrderFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw new DomainException.InvalidInput("to", "to (" + to + ") is before from (" + from + ")");
        }
    }

    public static OrderFilter any() {
        return new OrderFilter(null, null, null, null, null, null);
    }
}
