package io.loadout.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Who an order's mails go to, and whose seller they come from; {@code email} may be null (then no mail). */
@RegisterForReflection
public record BuyerContact(long customerId, String name, String email, String sellerName) {
}
