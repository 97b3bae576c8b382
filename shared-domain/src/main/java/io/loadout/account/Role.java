package io.loadout.account;

public enum Role {
    /** The operator's staff: sees and manages everything. */
    ADMIN,
    /** A seller/client account: sees only its own rows. */
    CLIENT
}
