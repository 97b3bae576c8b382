package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.orders.OrdersCommands.NewCustomer;
import io.loadout.orders.OrdersCommands.NewItem;
import io.loadout.shared.DomainException;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Customers and items of a seller: uniqueness per seller, phones, tenant isolation, stock kept at zero or above. */
@QuarkusTest
class CustomersAndItemsTest {

    @Inject
    AccountService accounts;
    @Inject
    CustomerService customers;
    @Inject
    ItemService itemService;
    @Inject
    Items items;

    Caller seller;
    Caller otherSeller;

    @BeforeEach
    void sellers() {
        seller = seller("Shopper A");
        otherSeller = seller("Shopper B");
    }

    Caller seller(String name) {
        long id = accounts.create(new NewAccount(name, UUID.randomUUID() + "@sellers.test", Role.CLIENT)).id();
        return new Caller(id, Role.CLIENT);
    }

    static NewCustomer customer(String name, String email, String phone) {
        return new NewCustomer(name, email, phone, "1 High St", Map.of("instagram", "@" + name.toLowerCase()), null);
    }

    @Test
    void anEmailIsOneCustomerPerSellerInAnyCaseButAnotherSellerMayHaveIt() {
        var ana = customers.create(seller, customer("Ana", "Ana.Silva@Example.com", null));

        assertThatThrownBy(() -> customers.create(seller, customer("Ana S", "ana.silva@example.COM", null)))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.conflictsWith()).isEqualTo("customer/" + ana.id());
                });
        assertThat(customers.create(otherSeller, customer("Ana", "ana.silva@example.com", null)).sellerId())
                .isEqualTo(otherSeller.accountId());
        // customers without an email are not unique by anything
        customers.create(seller, customer("Bo", null, null));
        customers.create(seller, customer("Bo", null, "+44 20 7946 0000"));
    }

    @Test
    void aSellerChangesItsOwnCustomersAndItemsOnlyAndAnEmailStaysUnique() {
        var ana = customers.create(seller, customer("Ana", "ana.change@example.com", null));
        var bo = customers.create(seller, customer("Bo", "bo.change@example.com", null));
        var changed = customers.change(seller, ana.id(), new OrdersCommands.CustomerChanges("Ana Lima", null,
                "020 7946 0001", null, null, "prefers mornings"));
        assertThat(changed.name()).isEqualTo("Ana Lima");
        assertThat(changed.email()).as("an absent field stays").isEqualTo("ana.change@example.com");
        assertThat(changed.phoneE164()).isEqualTo("+442079460001");
        assertThat(changed.notes()).isEqualTo("prefers mornings");
        assertThatThrownBy(() -> customers.change(seller, bo.id(), new OrdersCommands.CustomerChanges(null,
                "ANA.CHANGE@example.com", null, null, null, null)))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("email"));
        assertThatThrownBy(() -> customers.change(otherSeller, ana.id(), new OrdersCommands.CustomerChanges("X",
                null, null, null, null, null))).isInstanceOf(DomainException.NotFound.class);

        var item = itemService.create(seller, new NewItem("CHG-1", "Jar", new BigDecimal("3.00"), 4, true));
        var repriced = itemService.change(seller, item.id(), new OrdersCommands.ItemChanges(null,
                new BigDecimal("3.50"), 10, false));
        assertThat(repriced.price()).hasToString("3.50");
        assertThat(repriced.stock()).isEqualTo(10);
        assertThat(repriced.active()).isFalse();
        assertThat(repriced.name()).isEqualTo("Jar");
        assertThatThrownBy(() -> itemService.change(otherSeller, item.id(), new OrdersCommands.ItemChanges("X",
                null, null, null))).isInstanceOf(DomainException.NotFound.class);
        assertThatThrownBy(() -> itemService.change(seller, item.id(), new OrdersCommands.ItemChanges(null, null,
                -1, null))).isInstanceOf(jakarta.validation.ConstraintViolationException.class);
    }

    @Test
    void aPhoneIsKeptAsEnteredAndInE164WhereItCanBeRead() {
        // the test profile reads national numbers as UK ones (44): 020 7946 0958 is +44 20 7946 0958
        var uk = customers.create(seller, customer("Cy", null, " 020 7946 0958 "));
        var us = customers.create(seller, customer("Di", null, "+1 (415) 555-0132"));
        var shortNumber = customers.create(seller, customer("Ed", null, "+44 123"));

        assertThat(List.of(uk.phone(), uk.phoneE164())).containsExactly("020 7946 0958", "+442079460958");
        assertThat(us.phoneE164()).isEqualTo("+14155550132");
        assertThat(shortNumber.phone()).isEqualTo("+44 123");
        assertThat(shortNumber.phoneE164()).isNull();
        assertThatThrownBy(() -> customers.create(seller, customer("Fe", null, "call me")))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void aSellerSeesOnlyItsOwnCustomersAndAnAdminSeesAll() {
        var mine = customers.create(seller, customer("Gil", "gil@example.com", null));

        assertThatThrownBy(() -> customers.get(otherSeller, mine.id())).isInstanceOf(DomainException.NotFound.class);
        assertThat(customers.get(seller, mine.id()).social()).containsEntry("instagram", "@gil");
        assertThat(customers.get(new Caller(1, Role.ADMIN), mine.id()).name()).isEqualTo("Gil");
    }

    @Test
    void aSkuIsOneItemPerSellerInAnyCase() {
        var mug = itemService.create(seller, new NewItem("MUG-1", "Mug", new BigDecimal("12.50"), 3, null));

        assertThat(mug.active()).isTrue();
        assertThatThrownBy(() -> itemService.create(seller, new NewItem("mug-1", "Mug", BigDecimal.ONE, 1, true)))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("sku"));
        assertThat(itemService.create(otherSeller, new NewItem("mug-1", "Mug", BigDecimal.ONE, 1, true)).sku())
                .isEqualTo("mug-1");
    }

    @Test
    void stockNeverGoesBelowZeroEvenWhenAskedForMoreThanThereIs() {
        var item = itemService.create(seller, new NewItem("TWO", "Two left", new BigDecimal("5.00"), 2, true));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> items.take(seller.accountId(), item.id(), 3,
                "lines[0]", TestClock.CLOCK.instant(), seller.actor())))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.getMessage()).contains("has 2 in stock, 3 asked"));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> items.take(otherSeller.accountId(),
                item.id(), 1, "lines[0]", TestClock.CLOCK.instant(), otherSeller.actor())))
                .as("another seller's item is not found, and the refusal names the line's field")
                .isInstanceOfSatisfying(DomainException.NotFound.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].itemId"));
        var back = QuarkusTransaction.requiringNew().call(() -> items.giveBack(seller.accountId(), item.id(), 4,
                TestClock.CLOCK.instant(), seller.actor()));
        assertThat(back.stock()).isEqualTo(6);
    }
}
