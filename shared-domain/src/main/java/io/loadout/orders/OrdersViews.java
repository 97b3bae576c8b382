package io.loadout.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the orders capability answers sellers with. */
// Jackson maps these outside JAX-RS signatures too (generic pages): native image
@RegisterForReflection(targets = {OrdersViews.CustomerView.class, OrdersViews.ItemView.class, OrdersViews.OrderView.class,
        OrdersViews.LineView.class, OrdersViews.PaymentView.class})
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

    /** {@code notes} are the seller's: never shown to buyers. */
    public record OrderView(long id, long sellerId, long customerId, String number, OrderStatus status,
                            List<LineView> lines, BigDecimal goodsTotal, BigDecimal shippingFee, BigDecimal total,
                            BigDecimal paid, BigDecimal outstanding, PaymentStatus paymentStatus, String notes,
                            Instant orderedAt, Instant cancelledAt, Instant shippedAt, Instant deliveredAt,
                            String carrier, String trackingId, String trackingUrl) {
    }

    public record LineView(int lineNo, Long itemId, String description, int quantity, BigDecimal unitPrice,
                           BigDecimal lineTotal) {
    }

    public record PaymentView(long id, long orderId, BigDecimal amount, LocalDate paidOn, String method,
                              String reference, boolean credit, Instant createdAt) {
    }
}
