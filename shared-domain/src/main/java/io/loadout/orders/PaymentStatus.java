package io.loadout.orders;

import java.math.BigDecimal;

/** Where an order's money stands, from the sum of its payments (seed 001's "remitted", made partial-aware). */
public enum PaymentStatus {
    UNPAID, PARTIALLY_PAID, REMITTED;

    /** Nothing paid on something owed: unpaid; all of it (or an order of 0.00): remitted; else partly paid. */
    public static PaymentStatus of(BigDecimal total, BigDecimal paid) {
        if (paid.compareTo(total) >= 0) {
            return REMITTED;
        }
        return paid.signum() == 0 ? UNPAID : PARTIALLY_PAID;
    }
}
