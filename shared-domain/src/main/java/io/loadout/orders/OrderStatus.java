package io.loadout.orders;

/** Fulfilment: PENDING → SHIPPED → DELIVERED, or CANCELLED (its item units go back to stock). */
public enum OrderStatus {
    PENDING, SHIPPED, DELIVERED, CANCELLED
}
