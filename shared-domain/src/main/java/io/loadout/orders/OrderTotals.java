package io.loadout.orders;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An order's money, computed by the server only (a total sent by a client is refused, never trusted): each line is
 * quantity × unit price, the goods are their sum, the total adds the shipping fee. Exact to the cent: prices have
 * at most two decimals, so no rounding happens, and the database checks the same arithmetic.
 */
public record OrderTotals(List<BigDecimal> lineTotals, BigDecimal goods, BigDecimal shippingFee, BigDecimal total) {

    public record Line(int quantity, BigDecimal unitPrice) {
    }

    public static OrderTotals of(List<Line> lines, BigDecimal shippingFee) {
        var lineTotals = lines.stream().map(l -> cents(l.unitPrice()).multiply(BigDecimal.valueOf(l.quantity())))
                .toList();
        var goods = lineTotals.stream().reduce(cents(BigDecimal.ZERO), BigDecimal::add);
        var shipping = cents(shippingFee == null ? BigDecimal.ZERO : shippingFee);
        return new OrderTotals(lineTotals, goods, shipping, goods.add(shipping));
    }

    /** What is still owed after {@code paid}: never below zero (a credit is not owed back by the buyer). */
    public BigDecimal outstanding(BigDecimal paid) {
        return outstanding(total, paid);
    }

    public static BigDecimal outstanding(BigDecimal total, BigDecimal paid) {
        return total.subtract(paid).max(cents(BigDecimal.ZERO));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
