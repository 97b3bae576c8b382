package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.orders.OrderTotals.Line;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderMoneyTest {

    @Test
    void linesAreQuantityTimesPriceAndTheTotalAddsShipping() {
        // 3 × 19.99 = 59.97, 1 × 0.10, 12 × 2.50 = 30.00: goods 90.07, + 4.95 shipping = 95.02 (worked by hand)
        var totals = OrderTotals.of(List.of(new Line(3, new BigDecimal("19.99")), new Line(1, new BigDecimal("0.1")),
                new Line(12, new BigDecimal("2.50"))), new BigDecimal("4.95"));

        assertThat(totals.lineTotals()).extracting(BigDecimal::toPlainString).containsExactly("59.97", "0.10", "30.00");
        assertThat(totals.goods()).hasToString("90.07");
        assertThat(totals.total()).hasToString("95.02");
        assertThat(totals.outstanding(new BigDecimal("50.00"))).hasToString("45.02");
        assertThat(totals.outstanding(new BigDecimal("100.00"))).hasToString("0.00");
    }

    @Test
    void noShippingFeeIsZeroAndAPriceBelowACentIsRefused() {
        assertThat(OrderTotals.of(List.of(new Line(2, new BigDecimal("7.25"))), null).total()).hasToString("14.50");
        assertThatThrownBy(() -> OrderTotals.of(List.of(new Line(1, new BigDecimal("0.005"))), null))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theStatusFollowsTheSumOfPayments() {
        var total = new BigDecimal("95.02");
        assertThat(PaymentStatus.of(total, new BigDecimal("0.00"))).isEqualTo(PaymentStatus.UNPAID);
        assertThat(PaymentStatus.of(total, new BigDecimal("0.01"))).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(PaymentStatus.of(total, new BigDecimal("95.01"))).isEqualTo(PaymentStatus.PARTIALLY_PAID);
        assertThat(PaymentStatus.of(total, new BigDecimal("95.02"))).isEqualTo(PaymentStatus.REMITTED);
        assertThat(PaymentStatus.of(total, new BigDecimal("120.00"))).isEqualTo(PaymentStatus.REMITTED);
        assertThat(PaymentStatus.of(new BigDecimal("0.00"), new BigDecimal("0.00"))).isEqualTo(PaymentStatus.REMITTED);
    }
}
