package io.loadout.allocation;

/** Whether a store may sell an ASIN. {@code INVOICE_NEEDED}: an admin must upload an invoice to the marketplace first. */
public enum UngatingStatus {
    YES, NO, INVOICE_NEEDED
}
