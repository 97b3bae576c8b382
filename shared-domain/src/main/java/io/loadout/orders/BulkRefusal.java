package io.loadout.orders;

import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;

/**
 * A bulk action is all or nothing: the first refused item refuses the whole call, its field prefixed with the
 * item's place ({@code items[3].trackingId}); an order that is not the seller's is a 404 naming {@code items[3].orderId}.
 */
final class BulkRefusal {

    private BulkRefusal() {
    }

    private static final ItemFields ITEMS = ItemFields.in("items");

    static DomainException at(int index, DomainException refused) {
        String item = "items[" + index + "]";
        if (refused instanceof DomainException.Conflict conflict) {
            return new DomainException.Conflict(ITEMS.name(index, conflict.field()), item + ": " + conflict.getMessage(),
                    conflict.conflictsWith());
        }
        if (refused instanceof DomainException.NotFound) { // the order, or a row it refers to: not the seller's
            return DomainException.NotFound.named(ITEMS.name(index, refused.field() == null ? "orderId" : refused.field()),
                    item + ": " + refused.getMessage());
        }
        String field = refused.field();
        return new DomainException.InvalidInput(field == null ? item : ITEMS.name(index, field),
                item + ": " + refused.getMessage());
    }
}
