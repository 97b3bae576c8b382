package io.loadout.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

/**
 * {@code ./loadout bench imports}: buying sheets of 100k and 1M rows dropped into the packaged local stack (heap
 * capped at 512 MB), from the drop to SUCCEEDED, against {@code COPY} of the same file into a table of the same
 * shape on the same database in the same run. Every figure is measured; a failed import fails the bench after the
 * table is printed.
 */
class ImportsBench {

    private static final String HEAP = "-Xmx512m";
    /** The stack's own defaults of loadout.imports.max-rows and max-megabytes (black box: not its classes). */
    private static final long DEFAULT_MAX_ROWS = 1_000_000;
    private static final long DEFAULT_MAX_MEGABYTES = 200;
    private static final Pattern GC_BEFORE = Pattern.compile(" (\\d+)M->\\d+M\\(");

    @TempDir
    Path var;

    /**
     * {@code copy}: COPY into a bare table of the sheet's columns (the baseline of the goals); {@code copyLots}: COPY
     * into a table with {@code inventory_lot}'s own definition (its identity, checks and indexes), the least any
     * import writing those lots can cost.
     */
    record Figures(String rows, double dropToDone, double jobTime, double copy, double copyLots, long peakHeapMb,
                   String status) {
    }

    @Test
    void inventorySheetsAgainstCopy() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("loadout.bench.rows", "100000,1000000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        var figures = new ArrayList<Figures>();
        for (int rows : sizes) {
            figures.addAll(run(rows));
        }
        System.out.println("=== imports bench: inventory sheets, drop to SUCCEEDED vs COPY of the same file ("
                + HEAP + ", goals: ≤ 2× at 100k, ≤ 1.5× at 1M, peak heap within 512 MB)");
        System.out.printf("%-10s %11s %10s %8s %12s %11s %10s %14s %10s  %s%n", "rows", "drop→done", "job time",
                "COPY", "ratio(drop)", "ratio(job)", "COPY lots", "ratio(drop)/lots", "peak heap", "status");
        for (var f : figures) {
            System.out.printf("%-10s %9.2f s %8.2f s %6.2f s %11.1f× %10.1f× %8.2f s %15.1f× %7d MB  %s%n",
                    f.rows(), f.dropToDone(), f.jobTime(), f.copy(), f.dropToDone() / f.copy(),
                    f.jobTime() / f.copy(), f.copyLots(), f.dropToDone() / f.copyLots(), f.peakHeapMb(), f.status());
        }
        System.out.println("COPY: into a bare table of the sheet's columns; COPY lots: into a table defined like"
                + " inventory_lot (identity, checks, indexes)");
        assertThat(figures).as("every import succeeded").allMatch(f -> f.status().startsWith("SUCCEEDED "));
    }

    /**
     * One fresh stack per size, so each peak heap is that import's own: the sheet dropped once (all lots new), then
     * the same sheet again under another name (every lot unchanged: the path of an operator re-dropping a sheet).
     */
    private List<Figures> run(int rows) throws Exception {
        Path folder = Files.createDirectories(var.resolve("rows-" + rows));
        Path gcLog = Path.of(System.getProperty("loadout.logs.dir"), "imports-bench-gc-" + rows + ".log");
        Files.createDirectories(gcLog.getParent());
        Files.deleteIfExists(gcLog);
        Path sheet = folder.resolve("sheet.csv");
        InventorySheets.write(sheet, rows, "");
        try (var stack = new LocalStackProcess(folder, "bench-" + rows)) {
            // a size above the default limits is imported with limits raised to fit it (printed), not refused
            long megabytes = Files.size(sheet) / (1024 * 1024) + 1;
            stack.start(1, HEAP, "-Xlog:gc:file=" + gcLog,
                    "-Dloadout.imports.max-rows=" + Math.max(rows, DEFAULT_MAX_ROWS),
                    "-Dloadout.imports.max-megabytes=" + Math.max(megabytes, DEFAULT_MAX_MEGABYTES));
            String token = stack.adminToken();
            double copy = copySeconds(stack, sheet, rows, BARE_TABLE);
            double copyLots = copySeconds(stack, sheet, rows, LIKE_LOTS);
            Path again = folder.resolve("again.csv");
            Files.copy(sheet, again);
            var first = drop(stack, token, sheet, "imports/inventory/bench-" + rows + ".csv");
            var second = drop(stack, token, again, "imports/inventory/bench-" + rows + "-again.csv");
            long peakHeap = peakHeapMb(gcLog);
            return List.of(first.figures(String.format("%,d", rows), copy, copyLots, peakHeap),
                    second.figures("same again", copy, copyLots, peakHeap));
        }
    }

    /** What one drop measured. */
    private record Drop(double dropToDone, double jobTime, String status) {
        Figures figures(String label, double copy, double copyLots, long peakHeapMb) {
            return new Figures(label, dropToDone, jobTime, copy, copyLots, peakHeapMb, status);
        }
    }

    /** Moves the sheet into the bucket and waits for its job to finish; the progress seen meanwhile is reported. */
    private static Drop drop(LocalStackProcess stack, String token, Path sheet, String object) throws Exception {
        Path target = stack.bucket().resolve(object);
        Files.createDirectories(target.getParent());
        long dropped = System.nanoTime();
        Files.move(sheet, target, StandardCopyOption.ATOMIC_MOVE);
        JsonNode done;
        var progressSeen = new TreeSet<Integer>(); // while PROCESSING
        try {
            done = LocalStackProcess.eventually(Duration.ofMinutes(10), () -> stack.importJob(token, "inventory",
                    object).map(j -> {
                        if (j.path("status").asText().equals("PROCESSING")) {
                            progressSeen.add(j.path("progressPercent").asInt());
                        }
                        return j;
                    }).filter(j -> j.path("status").asText().matches("SUCCEEDED|FAILED|PARTIAL")));
        } catch (AssertionError notFinished) {
            String now = stack.importJob(token, "inventory", object).map(j -> j.path("status").asText())
                    .orElse("not even registered");
            return new Drop(Double.NaN, Double.NaN, "NOT DONE after 10 min (" + now + ")");
        }
        double dropToDone = (System.nanoTime() - dropped) / 1e9;
        double jobTime = Duration.between(Instant.parse(done.path("startedAt").asText()),
                Instant.parse(done.path("finishedAt").asText())).toNanos() / 1e9;
        String status = done.path("status").asText()
                + (done.path("errorSummary").isTextual() ? " (" + done.path("errorSummary").asText() + ")" : "")
                + " " + done.path("detail").asText("") + "; progress seen while processing: " + progressSeen;
        return new Drop(dropToDone, jobTime, status);
    }

    private static final String BARE_TABLE = """
            create table bench_copy (asin text, batch text, title text, unit_weight_lb numeric(10,3),
              length_in numeric(10,2), width_in numeric(10,2), height_in numeric(10,2), qty_purchased int,
              qty_remaining int, unit_cost numeric(12,2), date_added date, min_ship numeric(12,2),
              max_ship numeric(12,2))""";
    /** inventory_lot's definition; the audit columns the sheet does not have get defaults, as an import sets them. */
    private static final String LIKE_LOTS = """
            create table bench_copy (like inventory_lot including all);
            alter table bench_copy alter created_at set default now(), alter created_by set default 'bench',
              alter changed_at set default now(), alter changed_by set default 'bench'""";

    /** A baseline: COPY of the same file into a fresh table, timed around COPY alone. */
    private static double copySeconds(LocalStackProcess stack, Path sheet, int rows, String createTable)
            throws Exception {
        try (var c = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute(createTable);
            long copied;
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(sheet, StandardCharsets.UTF_8)) {
                copied = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy (asin, batch, title,"
                        + " unit_weight_lb, length_in, width_in, height_in, qty_purchased, qty_remaining, unit_cost,"
                        + " date_added, min_ship, max_ship) from stdin with (format csv, header true)", in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(copied).isEqualTo(rows);
            c.createStatement().execute("drop table bench_copy");
            return seconds;
        }
    }

    /** The most heap in use at any collection, from the stack's own GC log ("…  312M->41M(512M) …"). */
    private static long peakHeapMb(Path gcLog) throws Exception {
        List<String> lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : List.of();
        return lines.stream().map(GC_BEFORE::matcher).filter(java.util.regex.Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(-1);
    }
}
