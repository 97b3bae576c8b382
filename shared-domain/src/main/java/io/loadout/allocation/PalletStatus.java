package io.loadout.allocation;

public enum PalletStatus {
    DRAFT, CONFIRMED, SHIPPED
}
