package io.loadout.imports;

import io.loadout.imports.table.ModelReader;
import io.loadout.imports.table.NumberConvention;
import io.loadout.imports.table.Table;
import io.loadout.imports.table.TextEncoding;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an importer did with a file (in a dry run: would have done). {@code rowsApplied} rows were written;
 * {@code errors} lists the refused ones. An importer that applies all-or-nothing reports 0 applied whenever it has
 * errors. {@code outcomes} splits the applied rows into new, changed and unchanged (null when the importer does not
 * count them; always 0/0/0 when nothing was applied). {@code read} says how the file was read (null when it never
 * was). {@code detail} is the importer's own free-text account (e.g. "3 preorders allocated"), or null.
 */
public record ImportResult(int rowsTotal, int rowsApplied, List<RowError> errors, String detail, Outcomes outcomes,
                           ReadFacts read) {

    /** What each applied row became; they add up to the rows applied. */
    public record Outcomes(int rowsNew, int rowsChanged, int rowsUnchanged) {
        public static final Outcomes NONE = new Outcomes(0, 0, 0);

        public Outcomes {
            if (rowsNew < 0 || rowsChanged < 0 || rowsUnchanged < 0) {
                throw new IllegalArgumentException("row outcomes cannot be negative");
            }
        }

        public static Outcomes of(long rowsNew, long rowsChanged, long rowsUnchanged) {
            return new Outcomes(Math.toIntExact(rowsNew), Math.toIntExact(rowsChanged), Math.toIntExact(rowsUnchanged));
        }

        public int sum() {
            return rowsNew + rowsChanged + rowsUnchanged;
        }

        @Override
        public String toString() {
            return rowsNew + " new, " + rowsChanged + " changed, " + rowsUnchanged + " unchanged";
        }
    }

    /**
     * How the file was read, as recorded on the job: its text encoding ({@link TextEncoding#label()}; null for a
     * workbook) and the decimal convention the file settled ({@link NumberConvention}).
     */
    public record ReadFacts(String encoding, NumberConvention numberConvention) {
        public static ReadFacts of(ModelReader reader) {
            return new ReadFacts(encodingOf(reader.table()).encoding(), reader.numberConvention());
        }

        /**
         * The result of reading the file through {@code reader} with how it was read (the convention is the file's
         * once its rows have been read); a rejection carries it too. A result that says how it was read stands.
         */
        public static ImportResult recorded(ModelReader reader, Supplier<ImportResult> apply) {
            try {
                var result = apply.get();
                return result.read() != null ? result : result.withRead(of(reader));
            } catch (ImportRejected e) {
                throw new ImportRejected(e.result().withRead(of(reader)));
            }
        }

        /** A file refused before its numbers were settled: only its encoding is known. */
        public static ReadFacts encodingOf(Table table) {
            return new ReadFacts(table.encoding().map(TextEncoding::label).orElse(null), null);
        }
    }

    public ImportResult(int rowsTotal, int rowsApplied, List<RowError> errors) {
        this(rowsTotal, rowsApplied, errors, null);
    }

    public ImportResult(int rowsTotal, int rowsApplied, List<RowError> errors, String detail) {
        this(rowsTotal, rowsApplied, errors, detail, null, null);
    }

    public ImportResult {
        errors = List.copyOf(errors);
        if (rowsApplied < 0 || rowsApplied > rowsTotal) {
            throw new IllegalArgumentException("rowsApplied must be within 0.." + rowsTotal);
        }
        if (outcomes == null && rowsApplied == 0) {
            outcomes = Outcomes.NONE;
        }
        if (outcomes != null && outcomes.sum() != rowsApplied) {
            throw new IllegalArgumentException("outcomes " + outcomes + " do not add up to the " + rowsApplied
                    + " rows applied");
        }
    }

    public static ImportResult rejected(RowError error) {
        return new ImportResult(0, 0, List.of(error));
    }

    /** All rows applied, each counted as new, changed or unchanged. */
    public static ImportResult applied(Outcomes outcomes, String detail) {
        return new ImportResult(outcomes.sum(), outcomes.sum(), List.of(), detail, outcomes, null);
    }

    public ImportResult withRead(ReadFacts facts) {
        return new ImportResult(rowsTotal, rowsApplied, errors, detail, outcomes, facts);
    }

    public ImportResult withDetail(String detail) {
        return new ImportResult(rowsTotal, rowsApplied, errors, detail, outcomes, read);
    }

    public ImportStatus status() {
        if (errors.isEmpty()) {
            return ImportStatus.SUCCEEDED;
        }
        return rowsApplied == 0 ? ImportStatus.FAILED : ImportStatus.PARTIAL;
    }

    public int rowsFailed() {
        return rowsTotal - rowsApplied;
    }
}
