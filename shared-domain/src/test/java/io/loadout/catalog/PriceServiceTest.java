package io.loadout.catalog;

import static io.loadout.catalog.CatalogFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.event.EventEnvelope;
import io.loadout.shared.DomainException;
import io.loadout.shared.ItemFields;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceServiceTest {

    static final Duration DAY = Duration.ofDays(1);

    @Inject
    CatalogService catalog;
    @Inject
    PriceService prices;
    @Inject
    PriceActivationJob job;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    EntityManager em;
    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    long configId;
    Instant now;

    @BeforeEach
    void setUp() {
        configId = new CatalogFixture(catalog).vehicleConfiguration().id();
        now = TestClock.CLOCK.instant();
    }

    PriceView set(String price, Instant from, Instant to) {
        return prices.setPrices(List.of(new PriceForConfiguration(configId, new BigDecimal(price), from, to)),
                ItemFields.SINGLE, ACTOR).get(0);
    }

    @Test
    void aPriceWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> set("10", now, now))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("validTo"));
        assertThatThrownBy(() -> set("10", now, now.minus(DAY)))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("validTo"));
    }

    @Test
    void statesFollowTheClockFromTheStart() {
        assertThat(set("900", now.minus(DAY.multipliedBy(10)), now.minus(DAY.multipliedBy(5))).status()).isEqualTo(PriceState.INACTIVE);
        assertThat(set("1000", now.minus(DAY), now.plus(DAY)).status()).isEqualTo(PriceState.ACTIVE);
        assertThat(set("1100", now.plus(DAY), null).status()).isEqualTo(PriceState.SCHEDULED);
    }

    @Test
    void anOverlappingPriceIsRefusedNamingTheStoredPrice() {
        var stored = set("1000", now, now.plus(DAY.multipliedBy(30)));
        assertThatThrownBy(() -> set("1200", now.plus(DAY.multipliedBy(10)), now.plus(DAY.multipliedBy(40))))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> {
                    assertThat(e.conflictsWith()).isEqualTo("price/" + stored.id());
                    assertThat(e.field()).isEqualTo("validFrom");
                    assertThat(e.getMessage()).contains("overlaps price " + stored.id());
                });
        // adjacent windows do not overlap ([from, to) ranges)
        assertThat(set("1200", now.plus(DAY.multipliedBy(30)), null).status()).isEqualTo(PriceState.SCHEDULED);
        // a disabled price frees its window
        prices.disable(stored.id(), ACTOR);
        assertThat(set("990", now, now.plus(DAY)).status()).isEqualTo(PriceState.ACTIVE);
    }

    @Test
    void theDatabaseItselfRefusesOverlappingWindows() {
        set("1000", now, null);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into catalog_price (config_id, price, valid_from, valid_to, state, created_at, created_by, changed_at, changed_by)
                values (?1, 5, ?2, null, 'SCHEDULED', now(), 'test', now(), 'test')""")
                .setParameter(1, configId).setParameter(2, now.plus(DAY)).executeUpdate()))
                .hasStackTraceContaining("catalog_price_no_overlap");
    }

    @Test
    void aNewPriceAfterTheOpenEndedOneEndsItAtTheNewStart() {
        var current = set("1000", now.minus(DAY), null);
        var next = set("1100", now.plus(DAY.multipliedBy(7)), null);
        List<PriceView> all = prices.pricesOf(configId);
        assertThat(all).extracting(PriceView::id).containsExactly(current.id(), next.id());
        assertThat(all.get(0).validTo()).isEqualTo(next.validFrom());
        assertThat(all.get(0).status()).isEqualTo(PriceState.ACTIVE);
        assertThat(all.get(1).status()).isEqualTo(PriceState.SCHEDULED);
        // a new price starting before the open-ended one's start cannot close it
        assertThatThrownBy(() -> set("900", now.minus(DAY.multipliedBy(3)), null))
                .isInstanceOfSatisfying(DomainException.Conflict.class,
                        e -> assertThat(e.conflictsWith()).isEqualTo("price/" + current.id()));
    }

    @Test
    void theEffectivePriceIsRightEvenWhenTheSchedulerIsLate() {
        var current = set("1000", now.minus(DAY), null);
        var next = set("1100", now.plus(DAY), null);
        assertThat(prices.effectivePrice(configId, now).priceId()).isEqualTo(current.id());
        assertThat(prices.effectivePrice(configId, now.plus(DAY)).priceId()).isEqualTo(next.id());
        assertThat(prices.effectivePrice(configId, now.plus(DAY).minusMillis(1)).priceId()).isEqualTo(current.id());
        assertThat(prices.effectivePrice(configId, now.minus(DAY.multipliedBy(2))).priceId()).isNull();
        assertThatThrownBy(() -> prices.effectivePrice(987_654_321, now)).isInstanceOf(DomainException.NotFound.class);
    }

    @Test
    void theActivationJobActivatesAndExpiresOnceAndAnnouncesIt() {
        var current = set("1000", now.minus(DAY), null);
        var next = set("1100", now.plus(Duration.ofHours(1)), null);
        int before = transport.published.size();
        PriceWatermark.rewindTo(em, now);

        TestClock.CLOCK.advance(Duration.ofHours(2));
        try {
            var outcome = job.run();
            assertThat(outcome.itemsProcessed()).isGreaterThanOrEqualTo(2);
            assertThat(prices.pricesOf(configId)).extracting(PriceView::status)
                    .containsExactly(PriceState.INACTIVE, PriceState.ACTIVE);
            assertThat(storedStates()).containsExactly("INACTIVE", "ACTIVE");
            var changes = transport.published.subList(before, transport.published.size()).stream()
                    .filter(e -> e.type().equals(PricesChanged.TYPE))
                    .flatMap(e -> e.payloadAs(PricesChanged.class, json).changes().stream()).toList();
            assertThat(changes).contains(new PriceChange(next.id(), configId, PriceState.ACTIVE,
                    new BigDecimal("1100.00"), next.validFrom(), null));
            assertThat(changes).filteredOn(c -> c.state() == PriceState.INACTIVE)
                    .extracting(PriceChange::priceId).contains(current.id());

            int after = transport.published.size();
            job.run();
            assertThat(transport.published.subList(after, transport.published.size()))
                    .extracting(EventEnvelope::type).doesNotContain(PricesChanged.TYPE);
            assertThat(storedStates()).containsExactly("INACTIVE", "ACTIVE");
        } finally {
            TestClock.CLOCK.set(now);
        }
    }

    @Test
    void twoRacingRequestsForOverlappingPricesLeaveExactlyOneWinner() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        var start = new CountDownLatch(1);
        try {
            var outcomes = new ArrayList<Future<Object>>();
            for (String price : List.of("1000", "1001")) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return set(price, now.plus(DAY), now.plus(DAY.multipliedBy(30)));
                    } catch (DomainException.Conflict e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            var results = new ArrayList<>();
            for (var f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(PriceView.class::isInstance).hasSize(1);
            var winner = (PriceView) results.stream().filter(PriceView.class::isInstance).findFirst().orElseThrow();
            assertThat(results).filteredOn(DomainException.Conflict.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((DomainException.Conflict) e).conflictsWith()).isEqualTo("price/" + winner.id()));
            assertThat(prices.pricesOf(configId)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bulkPricesApplyAllOrNothing() {
        long other = new CatalogFixture(catalog).vehicleConfiguration().id();
        var created = prices.setPrices(List.of(
                new PriceForConfiguration(configId, new BigDecimal("10"), now, null),
                new PriceForConfiguration(other, new BigDecimal("20"), now, null)), ACTOR);
        assertThat(created).extracting(PriceView::configId).containsExactly(configId, other);

        assertThatThrownBy(() -> prices.setPrices(List.of(
                new PriceForConfiguration(configId, new BigDecimal("11"), now.plus(DAY), null),
                new PriceForConfiguration(other, new BigDecimal("21"), now.minus(DAY), null)), ACTOR))
                .isInstanceOfSatisfying(DomainException.Conflict.class, e -> assertThat(e.field()).isEqualTo("items[1].validFrom"));
        assertThat(prices.pricesOf(configId)).singleElement().satisfies(p -> assertThat(p.validTo()).isNull());

        assertThatThrownBy(() -> prices.setPrices(List.of(
                new PriceForConfiguration(configId, new BigDecimal("11"), now.plus(DAY), null),
                new PriceForConfiguration(987_654_321L, new BigDecimal("21"), now.plus(DAY), null)), ACTOR))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("items[1].configId"));
        assertThatThrownBy(() -> prices.setPrices(List.of(
                new PriceForConfiguration(other, new BigDecimal("11"), now.plus(DAY), null),
                new PriceForConfiguration(other, new BigDecimal("12"), now.plus(DAY.multipliedBy(2)), null)), ACTOR))
                .isInstanceOfSatisfying(DomainException.InvalidInput.class, e -> assertThat(e.field()).isEqualTo("items[1].validFrom"));
    }

    @SuppressWarnings("unchecked")
    List<String> storedStates() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select state from catalog_price where config_id = ?1 order by valid_from").setParameter(1, configId).getResultList());
    }
}
