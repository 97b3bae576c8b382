package io.loadout.account;

import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;

/** Who is asking: the authenticated account and its role. Every tenant check goes through here. */
public record Caller(long accountId, Role role) implements Actor.Source {

    @Override
    public Actor actor() {
        return Actor.account(accountId);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Rows owned by no account (null) are operator-only. */
    public boolean canSee(Long ownerAccountId) {
        return isAdmin() || (ownerAccountId != null && ownerAccountId == accountId);
    }

    /** Throws not-found rather than forbidden so tenants cannot probe for other tenants' ids. */
    public void requireVisible(String what, Object id, Long ownerAccountId) {
        if (!canSee(ownerAccountId)) {
            throw new DomainException.NotFound(what, id);
        }
    }

    /** The account filter a list query must apply: null for admins (all rows), else the caller's own id. */
    public Long ownerFilter() {
        return isAdmin() ? null : accountId;
    }
}
