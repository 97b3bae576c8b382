package io.loadout.shared;

/** A business rule refused a request. Adapters map each kind to a problem+json status. */
public abstract sealed class DomainException extends RuntimeException
        permits DomainException.NotFound, DomainException.Conflict, DomainException.InvalidInput,
        DomainException.Unauthenticated, DomainException.RateLimited {

    private final String field;

    protected DomainException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending input field, or null when the whole request is at fault. */
    public String field() {
        return field;
    }

    /** Absent, or not visible to the caller (tenants never learn that another tenant's row exists). */
    public static final class NotFound extends DomainException {
        public NotFound(String what, Object id) {
            super(null, what + " " + id + " not found");
        }

        private NotFound(String field, String message, boolean named) {
            super(field, message);
        }

        /** A row the body refers to by {@code field} (e.g. {@code lines[2].itemId}): 404 too, naming the field. */
        public static NotFound referencedBy(String field, String what, Object id) {
            return new NotFound(field, field + ": " + what + " " + id + " not found", true);
        }

        /** The same refusal under another field and message (an item of a bulk call). */
        public static NotFound named(String field, String message) {
            return new NotFound(field, message, true);
        }
    }

    /** The request is well-formed but clashes with stored state. */
    public static final class Conflict extends DomainException {
        private final String conflictsWith;

        public Conflict(String field, String message) {
            this(field, message, null);
        }

        /** {@code conflictsWith} names the stored row in the way, e.g. {@code price/42}. */
        public Conflict(String field, String message, String conflictsWith) {
            super(field, message);
            this.conflictsWith = conflictsWith;
        }

        public String conflictsWith() {
            return conflictsWith;
        }
    }

    /** The request breaks a rule about one of its own fields. */
    public static final class InvalidInput extends DomainException {
        public InvalidInput(String field, String message) {
            super(field, message);
        }
    }

    /** The caller could not prove who it is (e.g. a partner webhook with a missing, wrong or replayed signature). */
    public static final class Unauthenticated extends DomainException {
        public Unauthenticated(String field, String message) {
            super(field, message);
        }
    }

    /** Too many requests of this kind for the same key (an address asking for its link): try again later. */
    public static final class RateLimited extends DomainException {
        private final long retryAfterSeconds;

        public RateLimited(String field, String message, long retryAfterSeconds) {
            super(field, message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
