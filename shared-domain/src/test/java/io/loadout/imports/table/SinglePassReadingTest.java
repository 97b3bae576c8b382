package io.loadout.imports.table;

import static io.loadout.imports.table.Fixtures.CLOCK;
import static io.loadout.imports.table.Fixtures.COST;
import static io.loadout.imports.table.Fixtures.MODEL;
import static io.loadout.imports.table.Fixtures.parsed;
import static io.loadout.imports.table.Fixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.imports.RowError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One pass over the file reads every row as a reading of the whole file first would: rows whose values the rest of
 * the file may still decide are held back until it does, or until too many wait and the file is read twice.
 */
class SinglePassReadingTest {

    private static final String HEADER = "asin,title,unit_weight_lb,qty_purchased,unit_cost,date_added\n";

    @Test
    void anAmbiguousValueWaitsForTheEvidenceOfALaterLine() throws Exception {
        var rows = parsed(read(HEADER + "B000000001,Torch,2,3,\"1,250\",2026-11-21\n"
                + "B000000002,Pan,\"0,5\",1,7,2026-11-21\n"));
        assertThat(rows).extracting(ParsedRow::errors).containsOnly(List.of());
        assertThat(rows.get(0).get(COST)).isEqualByComparingTo("1.25");
    }

    @Test
    void aSlashDateWaitsForADayMonthDateOnALaterLine() throws Exception {
        var rows = parsed(read(HEADER + "B000000001,Torch,2,3,4,3/4/2026\nB000000002,Pan,1,1,7,25/3/2026\n"));
        assertThat(rows.get(0).errors()).containsExactly(new RowError(2, "date_added", "'3/4/2026' is ambiguous: the"
                + " file also holds day/month dates (line 3); write 2026-03-04 or 2026-04-03"));
    }

    @Test
    void whenMoreRowsWaitThanMayTheRestOfTheFileIsReadForItsEvidenceAndThenAgain() throws Exception {
        int waiting = ModelReader.PENDING_ROWS + 5;
        var csv = new StringBuilder(HEADER);
        for (int i = 1; i <= waiting; i++) {
            csv.append(String.format("B%09d,Item %d,2,3,\"1,250\",2026-11-21%n", i, i));
        }
        csv.append("B999999999,Last,0.5,1,7,2026-11-21\n"); // the evidence: a decimal point
        var rows = parsed(read(csv.toString()));
        assertThat(rows).extracting(ParsedRow::line).containsExactlyElementsOf(
                IntStream.rangeClosed(2, waiting + 2).mapToObj(Long::valueOf).toList());
        assertThat(rows).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(rows.subList(0, waiting)).allSatisfy(r -> assertThat(r.get(COST)).isEqualByComparingTo("1250"));
    }

    @Test
    void theSecondConventionRefusesTheFileWhenItShows() throws Exception {
        var reader = read(HEADER + "B000000001,Torch,0.75,3,9,2026-11-21\nB000000002,Pan,1,2,\"4,2\",2026-11-21\n");
        try (var rows = reader.rows()) {
            assertThat(rows.next().line()).isEqualTo(2);
            assertThatThrownBy(rows::hasNext).isInstanceOf(FileRefused.class).hasMessageStartingWith(
                    "the file mixes decimal points (line 2: '0.75') and decimal commas (line 3: '4,2')");
        }
    }

    /**
     * Random files of neutral, ambiguous and point-only numbers, slash dates and day/month dates, read three ways: as
     * in production, holding back no row (evidence of the whole file first: the reading every row must match) and
     * holding back three.
     */
    @Test
    void everyWayOfReadingGivesTheWholeFileReading() throws Exception {
        var random = new Random(20261201);
        String[] numbers = {"2", "1,250", "1.250", "0.5", "12", "1,000,000.5", "x"};
        String[] dates = {"2026-11-21", "3/4/2026", "4/4/2026", "11/2/2026", "25/3/2026"};
        for (int file = 0; file < 300; file++) {
            var csv = new StringBuilder(HEADER);
            int lines = 1 + random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                // the point-only values are rarer than the others, so many files settle late or never
                String weight = random.nextInt(4) == 0 ? "0.5" : random.nextBoolean() ? "2" : "\"1,250\"";
                String cost = numbers[random.nextInt(numbers.length)];
                csv.append(String.format("B%09d,T,%s,3,\"%s\",%s%n", i + 1, weight, cost,
                        dates[random.nextInt(dates.length)]));
            }
            var wholeFileFirst = readAll(csv.toString(), 0);
            assertThat(readAll(csv.toString(), ModelReader.PENDING_ROWS)).as(csv.toString()).isEqualTo(wholeFileFirst);
            assertThat(readAll(csv.toString(), 3)).as(csv.toString()).isEqualTo(wholeFileFirst);
        }
    }

    /** Each row as its line, values and errors (ParsedRow holds an array, compared by identity). */
    private static List<List<Object>> readAll(String csv, int pendingRows) throws Exception {
        var reader = MODEL.read(Table.open(Fixtures.utf8(csv), Limits.DEFAULT), CLOCK);
        var all = new ArrayList<List<Object>>();
        try (var rows = reader.rows(pendingRows)) {
            rows.forEachRemaining(r -> all.add(List.of(r.line(), Arrays.asList(r.values()).toString(), r.errors())));
        }
        return all;
    }

}
