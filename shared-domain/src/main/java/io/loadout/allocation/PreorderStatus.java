package io.loadout.allocation;

/**
 * PENDING: requested. CONFIRMED: the deposit is paid (debited). ARRIVED: stock came in but could not be allocated
 * (balance short or store not ungated); it is retried with the next stock or by an admin. ALLOCATED: the units are
 * the client's and the balance due was debited. CANCELLED.
 */
public enum PreorderStatus {
    PENDING, CONFIRMED, ARRIVED, ALLOCATED, CANCELLED
}
