package io.loadout.orders.storefront;

import static io.loadout.shared.Text.strippedOrNull;

import io.loadout.account.AccountService;
import io.loadout.event.Outbox;
import io.loadout.orders.Customers;
import io.loadout.orders.Customers.ExternalCustomer;
import io.loadout.orders.OrderStatus;
import io.loadout.orders.Orders;
import io.loadout.orders.OrdersConfig;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersCommands.NewLine;
import io.loadout.orders.OrdersCommands.NewOrder;
import io.loadout.orders.OrdersCommands.NewPayment;
import io.loadout.orders.OrdersViews.OrderView;
import io.loadout.orders.storefront.StorefrontPayloads.Customer;
import io.loadout.orders.storefront.StorefrontPayloads.Order;
import io.loadout.shared.Actor;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import io.loadout.shared.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies what the storefront says about a customer or an order, through their owners ({@link Customers},
 * {@link Orders}), keeping the newest: the webhook and the catch-up pull both come here, so a change arriving
 * twice, late, or by both roads is applied once. The mapping is in the orders README.
 */
@ApplicationScoped
public class StorefrontSync {

    static final Actor STOREFRONT = new Actor("storefront");
    /** The storefront's payment states that mean "paid in full". */
    private static final List<String> PAID = List.of("paid");

    private final Customers customers;
    private final Orders orders;
    private final Outbox outbox;
    private final Sql sql;
    private final OrdersConfig config;
    private final AccountService accounts;

    StorefrontSync(Customers customers, Orders orders, Outbox outbox, Sql sql, OrdersConfig config,
                   AccountService accounts) {
        this.customers = customers;
        this.orders = orders;
        this.outbox = outbox;
        this.sql = sql;
        this.config = config;
        this.accounts = accounts;
    }

    /** The seller account the storefront sells as, when one is configured and exists. */
    public Optional<Long> seller() {
        return config.storefront().sellerEmail().filter(e -> !e.isBlank()).flatMap(accounts::idByEmail);
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, OLDER_IGNORED }

    /** What one customer or order of the storefront became here. */
    @RegisterForReflection
    public record Applied(String kind, String externalId, long id, Outcome outcome, List<String> notes) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied customer(long sellerId, Customer customer, Instant now) {
        var upserted = customers.upsertExternal(sellerId, external(customer), now, STOREFRONT);
        var outcome = upserted.created() ? Outcome.CREATED : upserted.changed() ? Outcome.UPDATED : Outcome.OLDER_IGNORED;
        return new Applied("customer", customer.id().toString(), upserted.customer().id(), outcome, upserted.notes());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Applied order(long sellerId, Order order, Instant now) {
        String externalId = order.id().toString();
        Instant updatedAt = micros(order.updatedAt().toInstant());
        sql.lockKey("order:" + sellerId + ":" + externalId);
        var notes = new ArrayList<String>();
        var known = orders.findExternal(sellerId, externalId);
        if (known.isEmpty()) {
            long customerId = buyer(sellerId, order, now, notes);
            var placed = place(sellerId, order, customerId, now);
            outbox.append(placed.event());
            orders.advanceExternal(sellerId, placed.order().id(), externalId, updatedAt);
            applyState(sellerId, placed.order(), order, now, notes);
            return new Applied("order", externalId, placed.order().id(), Outcome.CREATED, List.copyOf(notes));
        }
        long orderId = known.get().getKey();
        if (!orders.advanceExternal(sellerId, orderId, externalId, updatedAt)) {
            return new Applied("order", externalId, orderId, Outcome.OLDER_IGNORED,
                    List.of("older than the change applied last (" + known.get().getValue() + ")"));
        }
        boolean changed = applyState(sellerId, orders.view(sellerId, orderId), order, now, notes);
        return new Applied("order", externalId, orderId, changed ? Outcome.UPDATED : Outcome.UNCHANGED,
                List.copyOf(notes));
    }

    /** Places the storefront's order under its own name ({@code #1001}), or {@code S-<id>} if the seller has it. */
    private Orders.Placed place(long sellerId, Order order, long customerId, Instant now) {
        String name = strippedOrNull(order.name());
        if (name != null) {
            try {
                return orders.place(sellerId, newOrder(order, customerId, name), now, STOREFRONT);
            } catch (DomainException.Conflict taken) { // refused before anything was written
                if (!"number".equals(taken.field())) {
                    throw taken;
                }
            }
        }
        return orders.place(sellerId, newOrder(order, customerId, "S-" + order.id()), now, STOREFRONT);
    }

    /** Payment, cancellation and fulfilment as the storefront has them now; whether anything changed. */
    private boolean applyState(long sellerId, OrderView current, Order order, Instant now, List<String> notes) {
        long orderId = current.id();
        if (order.cancelledAt() != null) {
            if (current.status() == OrderStatus.PENDING) {
                outbox.append(orders.cancel(sellerId, orderId, now, STOREFRONT).event());
                return true;
            }
            if (current.status() != OrderStatus.CANCELLED) {
                notes.add("cancelled in the storefront after it was " + current.status() + " here: left as it is");
            }
            return false;
        }
        boolean changed = false;
        BigDecimal paidThere = paidInStorefront(order, current.total());
        BigDecimal missing = paidThere.subtract(current.paid());
        if (missing.signum() > 0 && current.status() != OrderStatus.CANCELLED) {
            BigDecimal amount = missing.min(current.outstanding());
            if (amount.signum() > 0) {
                outbox.append(orders.pay(sellerId, orderId, new NewPayment(amount,
                        LocalDate.ofInstant(order.updatedAt().toInstant(), ZoneOffset.UTC), "storefront",
                        "storefront order " + order.id(), false), LocalDate.ofInstant(now, ZoneOffset.UTC), now,
                        STOREFRONT).event());
                changed = true;
            }
        } else if (missing.signum() < 0) {
            notes.add("the storefront shows less paid (" + paidThere + ") than recorded here (" + current.paid()
                    + "): refunds are not taken back here");
        }
        var shipped = order.fulfillments() == null ? null : order.fulfillments().stream()
                .filter(f -> f.trackingNumber() != null && !f.trackingNumber().isBlank()).findFirst().orElse(null);
        if (shipped != null && current.status() == OrderStatus.PENDING) {
            String url = shipped.trackingUrl() != null && shipped.trackingUrl().strip().matches("https?://\\S+")
                    ? shipped.trackingUrl().strip() : null;
            outbox.append(orders.shipElsewhere(sellerId, orderId, Objects.requireNonNullElse(
                    strippedOrNull(shipped.trackingCompany()), "storefront"), shipped.trackingNumber().strip(), url, now,
                    STOREFRONT).event());
            changed = true;
        }
        return changed;
    }

    /** "paid" is everything; "partially_paid" is the total less what the storefront says is outstanding. */
    private static BigDecimal paidInStorefront(Order order, BigDecimal totalHere) {
        String status = order.financialStatus() == null ? "" : order.financialStatus().strip().toLowerCase(Locale.ROOT);
        if (PAID.contains(status)) {
            return totalHere;
        }
        if (status.equals("partially_paid") && order.totalPrice() != null && order.totalOutstanding() != null) {
            return order.totalPrice().subtract(order.totalOutstanding()).max(BigDecimal.ZERO).min(totalHere);
        }
        return BigDecimal.ZERO;
    }

    private long buyer(long sellerId, Order order, Instant now, List<String> notes) {
        Customer customer = order.customer();
        if (customer == null) {
            String email = strippedOrNull(order.email());
            if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
                throw new DomainException.InvalidInput("customer", "an order needs its customer or an email address");
            }
            var existing = customers.byEmail(sellerId, email);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            // no storefront customer to key it by: a plain customer, found by its email next time
            return customers.create(sellerId, new NewCustomer(email, email, null, null, java.util.Map.of(), null), now,
                    STOREFRONT).id();
        }
        var upserted = customers.upsertExternal(sellerId, external(customer), now, STOREFRONT);
        notes.addAll(upserted.notes());
        return upserted.customer().id();
    }

    /** Lines as the storefront priced them (free text: its stock is its own), its tax as a line, its shipping. */
    private static NewOrder newOrder(Order order, long customerId, String number) {
        var lines = new ArrayList<NewLine>();
        for (var item : order.lineItems()) {
            String sku = strippedOrNull(item.sku());
            lines.add(new NewLine(null, sku == null ? item.title().strip() : item.title().strip() + " · " + sku,
                    item.quantity(), item.price()));
        }
        if (order.totalTax() != null && order.totalTax().signum() > 0) {
            lines.add(new NewLine(null, "Tax", 1, order.totalTax()));
        }
        BigDecimal shipping = order.shippingLines() == null ? BigDecimal.ZERO : order.shippingLines().stream()
                .map(StorefrontPayloads.ShippingLine::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new NewOrder(customerId, number, lines, shipping, null);
    }

    private static ExternalCustomer external(Customer c) {
        String name = String.join(" ", java.util.stream.Stream.of(c.firstName(), c.lastName())
                .map(Text::strippedOrNull).filter(Objects::nonNull).toList());
        if (name.isEmpty()) {
            name = c.email() != null && !c.email().isBlank() ? c.email().strip() : "Storefront customer " + c.id();
        }
        return new ExternalCustomer(c.id().toString(), name, c.email(), c.phone(), micros(c.updatedAt().toInstant()));
    }

    /** What PostgreSQL keeps of an instant, so "the same change" compares equal after a round trip. */
    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

}
