package io.loadout.adapters.http;

/** Role names for {@code @RolesAllowed}; they equal {@link io.loadout.account.Role} names. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String CLIENT = "CLIENT";

    private Roles() {
    }
}
