package io.loadout.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** What the orders capability answers sellers with. */
// Jackson maps these outside JAX-RS signatures too (generic pages): native image
@RegisterForReflection(targets = {OrdersViews.CustomerView.class, OrdersViews.ItemView.class})
public final class OrdersViews {

    private OrdersViews() {
    }

    /** {@code phoneE164} is null when the entered phone could not be read without guessing its country. */
    public record CustomerView(long id, long sellerId, String name, String email, String phone, String phoneE164,
                               String address, Map<String, String> social, String notes, Instant createdAt,
                               Instant updatedAt) {
    }

    public record ItemView(long id, long sellerId, String sku, String name, BigDecimal price, int stock,
                           boolean active, Instant createdAt, Instant updatedAt) {
    }
}
