package io.loadout.orders;

import io.loadout.event.DomainEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * A remittance was recorded against an order; {@code paid} is the order's sum after it and {@code outstanding}
 * what is still owed. The buyer is told by mail.
 */
@RegisterForReflection
public record PaymentRecorded(long orderId, long sellerId, String number, long paymentId, BigDecimal amount,
                              BigDecimal paid, BigDecimal outstanding, PaymentStatus paymentStatus, BuyerContact buyer)
        implements DomainEvent {

    public static final String TYPE = "orders.payment.recorded";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Long accountId() {
        return sellerId;
    }
}
