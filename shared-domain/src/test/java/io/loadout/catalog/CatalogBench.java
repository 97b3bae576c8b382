package io.loadout.catalog;

import io.loadout.bench.BenchMemory;
import static io.loadout.bench.BenchStats.max;
import static io.loadout.bench.BenchStats.min;
import static io.loadout.bench.BenchRuns.RUNS;
import static io.loadout.bench.BenchRuns.millis;
import static io.loadout.bench.BenchRuns.runs;
import static io.loadout.bench.BenchStats.ms;
import static io.loadout.bench.BenchStats.ratio;

import io.loadout.catalog.CatalogFilters.ConfigFilter;
import io.loadout.catalog.CatalogViews.ConfigInformation;
import io.loadout.shared.PageRequest;
import io.loadout.shared.Sql;
import io.loadout.shared.XlsxWriter;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code ./loadout bench catalog}: catalog performance on generated data ({@link CatalogBenchData}), each figure next
 * to a baseline measured in the same run on the same data: the median of 5 runs after one warm-up, and the worst.
 * Production code is what is timed (the list's effective-price join, {@link PriceService}, the job's own entry point
 * committing and publishing, the export); it asserts nothing.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "loadout.bench", matches = "catalog|all")
class CatalogBench {


    @Inject
    EntityManager em;
    @Inject
    Sql sql;
    @Inject
    PriceService prices;
    @Inject
    CatalogQueries queries;
    @Inject
    PriceActivationJob job;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    CommitTimes commits;

    @Test
    void catalog() {
        Instant now = TestClock.CLOCK.instant();
        long started = System.nanoTime();
        CatalogBenchData.generate(em, now);
        line("data", "%,d configurations, %,d prices generated in %.1f s".formatted(count("catalog_config"),
                count("catalog_price"), (System.nanoTime() - started) / 1e9));
        effectivePrices(now);
        activation(now);
        export();
    }

    void effectivePrices(Instant now) {
        double[] scan = runs(() -> millis(() -> sql.list("select count(*) from (select id, code from catalog_config) c",
                List.of(), r -> r.getLong("count"))));
        // the list's own join (CatalogRows), not a copy of it
        double[] all = runs(() -> millis(() -> sql.list(CatalogRows.CLOCK + "select count(ep.price) from clock,"
                + " catalog_config cf " + CatalogRows.EFFECTIVE_PRICE_JOIN, List.of(now), r -> r.getLong("count"))));
        line("effective price, all 100k configs (list's join)", "%s = %s× a plain scan of the configs (%s)"
                .formatted(ms(all), ratio(all, scan), ms(scan)));
        long[] sample = QuarkusTransaction.requiringNew().call(() -> sql.list(
                "select id from catalog_config order by random() limit 1000", List.of(), r -> r.getLong("id")))
                .stream().mapToLong(Long::longValue).toArray();
        double[] one = runs(() -> {
            long t = System.nanoTime();
            for (long id : sample) {
                prices.effectivePrice(id, now);
            }
            return (System.nanoTime() - t) / 1e6 / sample.length;
        });
        line("effective price, one config (PriceService)", "%s per lookup (1,000 random configs)".formatted(ms(one)));
        double[] page = runs(() -> millis(() -> queries.configurations(ConfigFilter.any(), PageRequest.first(50))));
        line("configuration list, first page of 50", ms(page));
    }

    /**
     * Each run is the job's own {@code run()}: it commits, and the outbox relay publishes the events after the commit
     * as in production. The clock moves on by the backlog for every run, so each changes rows of its own; the
     * baseline, just before it, selects exactly those rows (the job's WHERE, bound the same way).
     */
    void activation(Instant start) {
        Instant at = start;
        for (Duration backlog : List.of(Duration.ofMinutes(2), Duration.ofDays(1), Duration.ofDays(6))) {
            double[] select = new double[RUNS];
            double[] committed = new double[RUNS];
            double[] published = new double[RUNS];
            long[] rows = new long[RUNS];
            for (int run = -1; run < RUNS; run++) {
                at = at.plus(backlog);
                Instant now = at;
                Instant from = QuarkusTransaction.requiringNew().call(() -> sql.one(
                        "select through from price_activation", List.of(), r -> r.getInstant("through")).orElseThrow())
                        .minus(PriceTransitions.SKEW_MARGIN);
                long[] selected = new long[1];
                double selectMs = millis(() -> selected[0] = sql.list("select p.id, p.config_id, p.price, p.valid_from,"
                        + " p.valid_to, p.state from catalog_price p where " + PriceTransitions.WINDOW,
                        List.of(from, now, from, now), r -> r.getLong("id")).size());
                transport.published.clear();
                TestClock.CLOCK.set(now);
                long t = System.nanoTime();
                var outcome = job.run();
                long end = System.nanoTime();
                long commit = outcome.itemsProcessed() == 0 ? end : commits.lastCommitNanos();
                if (outcome.itemsProcessed() != selected[0]) {
                    throw new IllegalStateException("the job changed " + outcome.itemsProcessed()
                            + " rows, the baseline selected " + selected[0]);
                }
                if (run >= 0) {
                    select[run] = selectMs;
                    committed[run] = (commit - t) / 1e6;
                    published[run] = (end - commit) / 1e6;
                    rows[run] = selected[0];
                }
            }
            TestClock.CLOCK.set(start);
            int events = transport.published.size(); // of the last run
            transport.published.clear(); // the recorded events would otherwise weigh on the export's heap below
            double[] total = new double[RUNS];
            Arrays.setAll(total, i -> committed[i] + published[i]);
            line("activation job, %s backlog".formatted(human(backlog)),
                    "%,d–%,d rows change; plain SELECT of them %s".formatted(min(rows), max(rows), ms(select)));
            line("  job, to its commit", "%s = %s× the SELECT  [goal ≤ 5×]".formatted(ms(committed),
                    ratio(committed, select)));
            line("  job, + relay publishing its events", "%s = %s× the SELECT (%d events published per run)".formatted(
                    ms(total), ratio(total, select), events));
        }
    }

    /**
     * The configuration export: the list's query through a cursor into a streamed .xlsx, under the run's heap cap.
     * Its live heap (after a GC, every 10,000 rows) stays flat; the same rows held in a list first grow it until the
     * cap is near (stopped at 90 % of it, before an OutOfMemoryError would hit the application's own threads).
     */
    void export() {
        for (var filter : List.of(new ConfigFilter(null, null, null, null, "Config 1", List.of()), ConfigFilter.any())) {
            System.gc();
            BenchMemory.resetPeaks();
            long t = System.nanoTime();
            var bytes = new long[1];
            long exported = exportXlsx(filter, bytes, row -> { });
            line("export of configurations (streamed)", "%,d rows → %,d KB xlsx in %.1f s, peak heap %d MB (max heap %d MB)"
                    .formatted(exported, bytes[0] / 1024, (System.nanoTime() - t) / 1e9, BenchMemory.peakHeapMb(),
                            BenchMemory.maxHeapMb()));
        }
        var streamed = new ArrayList<Long>();
        exportXlsx(ConfigFilter.any(), new long[1], row -> {
            if (row % 10_000 == 0) {
                streamed.add(BenchMemory.liveHeapMb());
            }
        });
        line("export, live heap every 10k rows (streamed)", streamed + " MB");
        var held = new ArrayList<ConfigInformation>();
        var growth = new ArrayList<Long>();
        try {
            queries.exportConfigurations(ConfigFilter.any(), row -> {
                held.add(row);
                if (held.size() % 10_000 == 0) {
                    growth.add(BenchMemory.liveHeapMb());
                    if (growth.get(growth.size() - 1) > BenchMemory.maxHeapMb() * 9 / 10) {
                        throw new HeapCapReached();
                    }
                }
            });
            line("export, all rows held first (not streamed)", "%,d rows held, live heap %s MB: completed"
                    .formatted(held.size(), growth));
        } catch (HeapCapReached stopped) {
            line("export, all rows held first (not streamed)", "stopped at %,d of 100,000 rows, live heap %s MB of %d MB"
                    .formatted(held.size(), growth, BenchMemory.maxHeapMb()));
        }
        held.clear();
    }

    /** Exports through the production writer; {@code progress} sees each row's number. */
    long exportXlsx(ConfigFilter filter, long[] bytes, LongConsumer progress) {
        long[] rows = new long[1];
        try (var writer = new XlsxWriter<>(BenchMemory.counting(bytes), "configurations", CatalogExports.CONFIGURATIONS)) {
            return queries.exportConfigurations(filter, row -> {
                writer.write(row);
                progress.accept(++rows[0]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> sql.one("select count(*) from " + table, List.of(),
                r -> r.getLong("count")).orElseThrow());
    }

    /** Stops the held variant before the heap runs out. */
    static final class HeapCapReached extends RuntimeException {
    }

    static void line(String what, String result) {
        System.out.printf(Locale.ROOT, "bench: %-48s %s%n", what, result);
    }

    static String human(Duration d) {
        return d.toDays() > 0 ? d.toDays() + " d" : d.toMinutes() + " min";
    }
}
