package io.loadout.catalog;

import static io.loadout.catalog.CatalogFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogViews.PriceView;
import io.loadout.event.DomainEvent;
import io.loadout.event.EventEnvelope;
import io.loadout.event.EventPayloadSql;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The price-activation job: late runs, writers it must not overtake, and the events' payloads. */
@QuarkusTest
class PriceActivationTest {

    static final Duration DAY = Duration.ofDays(1);
    static final Duration HOUR = Duration.ofHours(1);

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
    ObjectMapper json;

    long configId;
    Instant now;

    @BeforeEach
    void setUp() {
        configId = new CatalogFixture(catalog).vehicleConfiguration().id();
        now = TestClock.CLOCK.instant();
        PriceWatermark.rewindTo(em, now);
    }

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.set(now);
    }

    @Test
    void aRunSixDaysLateAnnouncesEveryChangeItMissedOnceAndTheNextRunNothing() {
        var windows = new ArrayList<PriceView>();
        for (int day = 0; day < 4; day++) { // back to back: +1h..+1d1h, …, the last one open-ended
            windows.add(set(String.valueOf(100 + day), now.plus(HOUR).plus(DAY.multipliedBy(day)),
                    day == 3 ? null : now.plus(HOUR).plus(DAY.multipliedBy(day + 1))));
        }
        Instant late = now.plus(DAY.multipliedBy(6));
        TestClock.CLOCK.set(late);

        job.run();
        // expected from the windows alone: ended by then → expired (never announced active), started → activated
        var expected = new ArrayList<DomainEvent>();
        for (var p : windows) {
            expected.add(p.validTo() != null && !p.validTo().isAfter(late)
                    ? new PriceExpired(p.id(), configId, p.price(), p.validFrom(), p.validTo())
                    : new PriceActivated(p.id(), configId, p.price(), p.validFrom(), p.validTo()));
        }
        assertThat(eventsOfThisConfiguration()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(storedStates()).containsExactly("INACTIVE", "INACTIVE", "INACTIVE", "ACTIVE");

        job.run();
        assertThat(eventsOfThisConfiguration()).hasSameSizeAs(expected);
    }

    @Test
    void aRunThatLooksBackOverTheLastOnesMarginAnnouncesNothingTwice() {
        set("300", now.plus(HOUR), null);
        TestClock.CLOCK.set(now.plus(HOUR).plusSeconds(10));
        job.run();
        TestClock.CLOCK.set(now.plus(HOUR).plusSeconds(20)); // the start is within this run's look-back
        job.run();
        assertThat(eventsOfThisConfiguration()).singleElement().isInstanceOf(PriceActivated.class);
    }

    @Test
    void aPriceBeingWrittenWhileTheJobRunsIsNotLeftBehind() throws Exception {
        var written = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var writer = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            set("500", now.plus(HOUR), null);
            written.countDown();
            await(commit);
        }));
        assertThat(written.await(20, TimeUnit.SECONDS)).isTrue();
        TestClock.CLOCK.advance(HOUR.multipliedBy(2)); // the job runs after the uncommitted price's start
        var whileWriting = job.run();
        commit.countDown();
        writer.get(20, TimeUnit.SECONDS);

        assertThat(whileWriting.itemsProcessed()).isZero();
        job.run();
        assertThat(storedStates()).containsExactly("ACTIVE");
        assertThat(eventsOfThisConfiguration()).singleElement().isInstanceOf(PriceActivated.class);
    }

    @Test
    void aPriceWrittenWithAStartInThePastIsAnnouncedByItsWriterNotAgainByTheJob() {
        var p = set("700", now.minus(DAY), now.plus(HOUR));
        assertThat(storedStates()).containsExactly("ACTIVE");
        assertThat(eventsOfThisConfiguration()).containsExactly(
                new PriceActivated(p.id(), configId, new BigDecimal("700.00"), p.validFrom(), p.validTo()));
        job.run();
        assertThat(eventsOfThisConfiguration()).hasSize(1);
    }

    @Test
    void theSqlPayloadHasTheKeysJacksonWritesForTheRecord() {
        var sample = new PriceExpired(1, 2, new BigDecimal("3.50"), now, now.plus(DAY));
        var jacksonKeys = new ArrayList<String>();
        json.valueToTree(sample).fieldNames().forEachRemaining(jacksonKeys::add);
        assertThat(EventPayloadSql.keys(json, PriceExpired.class)).containsExactlyInAnyOrderElementsOf(jacksonKeys);
        assertThat(EventPayloadSql.keys(json, PriceActivated.class)).containsExactlyInAnyOrderElementsOf(jacksonKeys);
        // and what SQL wrote reads back as the record, money and instants exact (2nd test above: whole records)
        var p = set("3.50", now.minus(DAY), now.plus(HOUR));
        TestClock.CLOCK.advance(HOUR.multipliedBy(2));
        job.run();
        assertThat(transport.ofType(PriceExpired.TYPE)).map(e -> e.payloadAs(PriceExpired.class, json))
                .contains(new PriceExpired(p.id(), configId, new BigDecimal("3.50"), p.validFrom(), p.validTo()));
    }

    PriceView set(String price, Instant from, Instant to) {
        return prices.setPrices(List.of(new PriceForConfiguration(configId, new BigDecimal(price), from, to)), ACTOR)
                .get(0);
    }

    /** This configuration's price events as published, read back through their records. */
    List<DomainEvent> eventsOfThisConfiguration() {
        var events = new ArrayList<DomainEvent>();
        for (EventEnvelope e : transport.published) {
            if (e.type().equals(PriceActivated.TYPE) && e.payloadAs(PriceActivated.class, json).configId() == configId) {
                events.add(e.payloadAs(PriceActivated.class, json));
            } else if (e.type().equals(PriceExpired.TYPE) && e.payloadAs(PriceExpired.class, json).configId() == configId) {
                events.add(e.payloadAs(PriceExpired.class, json));
            }
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    List<String> storedStates() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select state from catalog_price where config_id = ?1 order by valid_from").setParameter(1, configId)
                .getResultList());
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
