package io.loadout.catalog;

import static io.loadout.catalog.CatalogFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.loadout.account.Caller;
import io.loadout.account.Role;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogFilters.PriceFilter;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.catalog.CatalogViews.PriceDetail;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.shared.PageRequest;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalog's rule (module README, "Prices"): lists, lookups and states come from the price windows at the clock,
 * so they are right while the price-activation job is late. Here the job never runs: the stored states stay as they
 * were written, and every reader must still follow the clock.
 */
@QuarkusTest
class LatePriceJobTest {

    static final Duration HOUR = Duration.ofHours(1);

    @Inject
    CatalogService catalog;
    @Inject
    CatalogQueries queries;
    @Inject
    PriceService prices;
    @Inject
    EntityManager em;

    Instant now;

    @BeforeEach
    void setUp() {
        now = TestClock.CLOCK.instant();
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(now);
    }

    @Test
    void aPriceWhoseWindowStartedIsInForceBeforeTheJobRuns() {
        long configId = new CatalogFixture(catalog).vehicleConfiguration().id();
        var old = set(configId, "1000.00", now.minus(HOUR.multipliedBy(24)), now.plus(HOUR));
        var next = set(configId, "1100.00", now.plus(HOUR), null);
        TestClock.CLOCK.advance(HOUR.multipliedBy(2)); // the 1000.00 ended and the 1100.00 started an hour ago

        assertThat(storedStates(configId)).as("the job has not run").containsExactly("ACTIVE", "SCHEDULED");
        var onlyThis = new ConfigFilter(null, configId, null, null, null, List.of());
        assertThat(queries.configurations(onlyThis, PageRequest.first(5)).items()).singleElement().satisfies(c -> {
            assertThat(c.activePriceId()).isEqualTo(next.id());
            assertThat(c.activePrice()).isEqualByComparingTo("1100.00");
            assertThat(c.priceStatus()).isEqualTo(PriceState.ACTIVE);
            assertThat(c.saleable()).isTrue();
        });
        assertThat(queries.configurations(onlyThis.saleable(), PageRequest.first(5)).items())
                .extracting(ConfigInformation::activePriceId).containsExactly(next.id());
        queries.requireVisibleConfiguration(configId, new Caller(1L, Role.CLIENT));
        assertThat(prices.effectivePrice(configId, TestClock.CLOCK.instant()).priceId()).isEqualTo(next.id());

        assertThat(prices.pricesOf(configId)).extracting(PriceView::id, PriceView::status)
                .containsExactly(tuple(old.id(), PriceState.INACTIVE),
                        tuple(next.id(), PriceState.ACTIVE));
        assertThat(queries.prices(new PriceFilter(configId, null, null, null, null, PriceState.ACTIVE), PageRequest.first(5))
                .items()).extracting(PriceDetail::priceId).containsExactly(next.id());
        assertThat(queries.prices(new PriceFilter(configId, null, null, null, null, PriceState.INACTIVE), PageRequest.first(5))
                .items()).extracting(PriceDetail::priceId).containsExactly(old.id());
    }

    @Test
    void aPriceWhoseWindowEndedIsNoLongerForSaleBeforeTheJobRuns() {
        long configId = new CatalogFixture(catalog).vehicleConfiguration().id();
        set(configId, "1000.00", now.minus(HOUR), now.plus(HOUR));
        TestClock.CLOCK.advance(HOUR.multipliedBy(2));

        assertThat(storedStates(configId)).as("the job has not run").containsExactly("ACTIVE");
        var onlyThis = new ConfigFilter(null, configId, null, null, null, List.of());
        assertThat(queries.configurations(onlyThis, PageRequest.first(5)).items()).singleElement().satisfies(c -> {
            assertThat(c.activePriceId()).isNull();
            assertThat(c.priceStatus()).isEqualTo(PriceState.NONE);
            assertThat(c.saleable()).isFalse();
        });
        assertThat(queries.configurations(onlyThis.saleable(), PageRequest.first(5)).items()).isEmpty();
        assertThat(prices.effectivePrice(configId, TestClock.CLOCK.instant()).priceId()).isNull();
    }

    PriceView set(long configId, String price, Instant from, Instant to) {
        return prices.setPrices(List.of(new PriceForConfiguration(configId, new BigDecimal(price), from, to)), ACTOR).get(0);
    }

    @SuppressWarnings("unchecked")
    List<String> storedStates(long configId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select state from catalog_price where config_id = ?1 order by valid_from").setParameter(1, configId)
                .getResultList());
    }
}
