package io.loadout.allocation;

import static io.loadout.allocation.AllocationFixture.ADMIN;
import static io.loadout.allocation.AllocationFixture.asin;
import static io.loadout.allocation.AllocationFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.allocation.PreorderService.NewPreorder;
import io.loadout.allocation.PreorderService.PreorderChanges;
import io.loadout.shared.DomainException;
import io.loadout.shared.PageRequest;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PreorderTest {

    @Inject
    AllocationFixture fixture;
    @Inject
    PreorderService preorders;
    @Inject
    RecordingEventPublisher events;

    PreorderView preorder(AllocationFixture.Tenant tenant, String asin, int quantity, String amount, String deposit) {
        return preorders.create(new NewPreorder(tenant.clientId(), tenant.storeId(), asin, quantity, new BigDecimal(amount),
                new BigDecimal(deposit), LocalDate.parse("2026-12-01")), ADMIN);
    }

    @Test
    void arrivingStockServesPreordersInOrderAndDebitsTheBalanceDue() {
        var first = fixture.tenant("1000.00", false);
        var second = fixture.tenant("1000.00", false);
        String a = asin();
        fixture.ungate(first.storeExternalId(), a, UngatingStatus.YES);
        fixture.ungate(second.storeExternalId(), a, UngatingStatus.YES);
        var p1 = preorders.confirm(preorder(first, a, 8, "200.00", "50.00").id(), ADMIN);
        var p2 = preorders.confirm(preorder(second, a, 5, "100.00", "20.00").id(), ADMIN);
        assertThat(p1.status()).isEqualTo(PreorderStatus.CONFIRMED);
        assertThat(fixture.balance(first.clientId())).as("deposit debited").isEqualByComparingTo("950.00");

        var job = fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 10, 10, "15.00", "2026-11-20", "0.10", "1.00"));

        assertThat(job.detail()).endsWith("1 preorders allocated");
        assertThat(preorders.get(p1.id(), ADMIN).status()).isEqualTo(PreorderStatus.ALLOCATED);
        assertThat(preorders.get(p2.id(), ADMIN).status()).as("2 units left: not enough for 5").isEqualTo(PreorderStatus.CONFIRMED);
        assertThat(fixture.balance(first.clientId())).isEqualByComparingTo("800.00");
        assertThat(fixture.lot(a, "PO-1")).containsExactly(10, 8);
        assertThat(events.ofType(PreorderArrived.TYPE)).anySatisfy(e -> {
            assertThat(e.payload().path("preorderId").asLong()).isEqualTo(p1.id());
            assertThat(e.payload().path("allocated").asBoolean()).isTrue();
        });

        fixture.importSheet(row(a, "PO-2", "1", "5", "5", "5", 5, 5, "15.00", "2026-11-21", "0.10", "1.00"));

        assertThat(preorders.get(p2.id(), ADMIN).status()).isEqualTo(PreorderStatus.ALLOCATED);
        assertThat(fixture.balance(second.clientId())).isEqualByComparingTo("900.00");
    }

    @Test
    void aPreorderTheBalanceCannotPayWaitsAsArrivedAndTheAdminIsTold() {
        var tenant = fixture.tenant("100.00", true);
        String a = asin();
        fixture.ungate(tenant.storeExternalId(), a, UngatingStatus.YES);
        var p = preorders.confirm(preorder(tenant, a, 4, "400.00", "40.00").id(), ADMIN);

        fixture.importSheet(row(a, "PO-1", "1", "5", "5", "5", 10, 10, "15.00", "2026-11-20", "0.10", "1.00"));

        assertThat(preorders.get(p.id(), ADMIN).status()).isEqualTo(PreorderStatus.ARRIVED);
        assertThat(fixture.lot(a, "PO-1")).containsExactly(10, 0);
        assertThat(events.ofType(BalanceInsufficient.TYPE)).anySatisfy(e -> {
            assertThat(e.payload().path("reference").asText()).isEqualTo("preorder/" + p.id());
            assertThat(e.payload().path("shortfall").decimalValue()).isEqualByComparingTo("300.00");
        });

        var cancelled = preorders.cancel(p.id(), ADMIN);

        assertThat(cancelled.status()).isEqualTo(PreorderStatus.CANCELLED);
        assertThat(fixture.balance(tenant.clientId())).as("deposit refunded").isEqualByComparingTo("100.00");
    }

    @Test
    void termsChangeOnlyWhilePendingAndTheDepositNeverExceedsTheAmount() {
        var tenant = fixture.tenant("1000.00", false);
        String a = asin();
        var p = preorder(tenant, a, 4, "100.00", "10.00");

        assertThat(preorders.change(p.id(), new PreorderChanges(6, null, null, null), ADMIN).quantity()).isEqualTo(6);
        assertThatThrownBy(() -> preorders.change(p.id(), new PreorderChanges(null, null, new BigDecimal("150.00"), null), ADMIN))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("deposit"));
        preorders.confirm(p.id(), ADMIN);
        assertThatThrownBy(() -> preorders.change(p.id(), new PreorderChanges(2, null, null, null), ADMIN))
                .isInstanceOf(DomainException.Conflict.class);
        assertThat(preorders.change(p.id(), new PreorderChanges(null, null, null, LocalDate.parse("2027-01-15")), ADMIN)
                .expectedArrival()).isEqualTo("2027-01-15");
        assertThat(preorders.list(new PreorderService.PreorderFilter(tenant.clientId(), null, null), PageRequest.first(10), ADMIN)
                .items()).extracting(PreorderView::id).containsExactly(p.id());
        assertThat(preorders.list(new PreorderService.PreorderFilter(tenant.clientId(), null, null), PageRequest.first(10),
                new io.loadout.account.Caller(777777, io.loadout.account.Role.CLIENT)).items()).isEmpty();
    }
}
