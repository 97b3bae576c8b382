package io.loadout.allocation;

public enum CartStatus {
    DRAFT, CONFIRMED, CANCELLED
}
