package io.loadout.orders;

import io.loadout.shared.DomainException;

/**
 * A bulk action is all or nothing: the first refused item refuses the whole call, its field prefixed with the
 * item's place ({@code items[3].trackingId}); an order that is not the seller's is {@code items[3].orderId}.
 */
final class BulkRefusal {

    private BulkRefusal() {
    }

    static DomainException at(int index, DomainException refused) {
        String item = "items[" + index + "]";
        if (refused instanceof DomainException.Conflict conflict) {
            return new DomainException.Conflict(item + "." + conflict.field(), item + ": " + conflict.getMessage(),
                    conflict.conflictsWith());
        }
        if (refused instanceof DomainException.NotFound) {
            return new DomainException.InvalidInput(item + ".orderId", item + ": " + refused.getMessage());
        }
        String field = refused.field() == null ? item : item + "." + refused.field();
        return new DomainException.InvalidInput(field, item + ": " + refused.getMessage());
    }
}
