package io.loadout.catalog;

import static io.loadout.catalog.CatalogFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.catalog.CatalogCommands.PriceForConfiguration;
import io.loadout.catalog.CatalogViews.PriceView;
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
        var expected = new ArrayList<PriceChange>();
        for (var p : windows) {
            expected.add(new PriceChange(p.id(), configId, p.validTo() != null && !p.validTo().isAfter(late)
                    ? PriceState.INACTIVE : PriceState.ACTIVE, p.price(), p.validFrom(), p.validTo()));
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
        assertThat(eventsOfThisConfiguration()).singleElement().extracting(PriceChange::state).isEqualTo(PriceState.ACTIVE);
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
        assertThat(eventsOfThisConfiguration()).singleElement().extracting(PriceChange::state).isEqualTo(PriceState.ACTIVE);
    }

    @Test
    void aPriceWrittenWithAStartInThePastIsAnnouncedByItsWriterNotAgainByTheJob() {
        var p = set("700", now.minus(DAY), now.plus(HOUR));
        assertThat(storedStates()).containsExactly("ACTIVE");
        assertThat(eventsOfThisConfiguration()).containsExactly(
                new PriceChange(p.id(), configId, PriceState.ACTIVE, new BigDecimal("700.00"), p.validFrom(), p.validTo()));
        job.run();
        assertThat(eventsOfThisConfiguration()).hasSize(1);
    }

    @Test
    void theSqlPayloadHasTheKeysJacksonWritesForTheRecords() {
        var change = new PriceChange(1, 2, PriceState.INACTIVE, new BigDecimal("3.50"), now, now.plus(DAY));
        assertThat(EventPayloadSql.keys(json, PriceChange.class)).containsExactlyInAnyOrderElementsOf(keysOf(change));
        assertThat(EventPayloadSql.keys(json, PricesChanged.class))
                .containsExactlyInAnyOrderElementsOf(keysOf(new PricesChanged(now, List.of(change))));
        // and what SQL wrote reads back as the records, money and instants exact (1st test above: whole records)
        var p = set("3.50", now.minus(DAY), now.plus(HOUR));
        TestClock.CLOCK.advance(HOUR.multipliedBy(2));
        Instant ran = TestClock.CLOCK.instant();
        job.run();
        assertThat(transport.ofType(PricesChanged.TYPE)).map(e -> e.payloadAs(PricesChanged.class, json))
                .contains(new PricesChanged(ran, List.of(new PriceChange(p.id(), configId, PriceState.INACTIVE,
                        new BigDecimal("3.50"), p.validFrom(), p.validTo()))));
    }

    @Test
    void aBacklogLargerThanOneEventIsSplitAndEveryChangeIsInExactlyOneEvent() {
        int prices = 2 * PricesChanged.MAX_CHANGES + 37;
        // back-to-back one-second windows after the watermark, the last one open-ended: all but it end by the run
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into catalog_price (config_id, price, valid_from, valid_to, state, created_at, created_by,
                                           changed_at, changed_by)
                select ?1, 1 + i / 100.0, s.at + make_interval(secs => i),
                       case when i < ?3 - 1 then s.at + make_interval(secs => i + 1) end, 'SCHEDULED', s.at, 'test',
                       s.at, 'test'
                  from (select cast(?2 as timestamptz) as at) s, generate_series(0, ?3 - 1) i""")
                .setParameter(1, configId).setParameter(2, now.plus(HOUR)).setParameter(3, prices).executeUpdate());
        TestClock.CLOCK.advance(HOUR.multipliedBy(3));

        var outcome = job.run();

        var events = transport.ofType(PricesChanged.TYPE).stream().map(e -> e.payloadAs(PricesChanged.class, json))
                .filter(e -> e.changes().stream().anyMatch(c -> c.configId() == configId)).toList();
        assertThat(events).extracting(e -> e.changes().size()).containsExactlyInAnyOrder(
                PricesChanged.MAX_CHANGES, PricesChanged.MAX_CHANGES, prices - 2 * PricesChanged.MAX_CHANGES);
        var changes = events.stream().flatMap(e -> e.changes().stream()).toList();
        assertThat(changes).extracting(PriceChange::priceId).doesNotHaveDuplicates().hasSize(prices);
        assertThat(changes).filteredOn(c -> c.state() == PriceState.ACTIVE).singleElement()
                .extracting(PriceChange::validTo).isNull();
        assertThat(outcome.itemsProcessed()).isEqualTo(prices);
    }

    List<String> keysOf(Object value) {
        var keys = new ArrayList<String>();
        json.valueToTree(value).fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    PriceView set(String price, Instant from, Instant to) {
        return prices.setPrices(List.of(new PriceForConfiguration(configId, new BigDecimal(price), from, to)), ACTOR)
                .get(0);
    }

    /** This configuration's price changes as published, read back through their records. */
    List<PriceChange> eventsOfThisConfiguration() {
        var changes = new ArrayList<PriceChange>();
        for (EventEnvelope e : transport.ofType(PricesChanged.TYPE)) {
            e.payloadAs(PricesChanged.class, json).changes().stream().filter(c -> c.configId() == configId)
                    .forEach(changes::add);
        }
        return changes;
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
