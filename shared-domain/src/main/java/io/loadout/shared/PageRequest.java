package io.loadout.shared;

/**
 * Keyset pagination: rows with id below {@code before} (newest first), at most {@code limit}.
 * Index-friendly at any depth, unlike OFFSET.
 */
public record PageRequest(Long before, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new DomainException.InvalidInput("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (before != null && before < 1) {
            throw new DomainException.InvalidInput("before", "before must be a positive id");
        }
    }

    public static PageRequest of(Long before, Integer limit) {
        return new PageRequest(before, limit == null ? DEFAULT_LIMIT : limit);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(null, limit);
    }
}
