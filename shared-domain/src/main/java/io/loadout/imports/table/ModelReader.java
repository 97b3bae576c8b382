package io.loadout.imports.table;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.NoSuchElementException;

/**
 * A table read against a row model, in one pass where the file allows it. Values whose reading depends on the
 * whole file (an ambiguous {@code 1,234} before any value shows the decimal separator, a {@code 3/4/2026} that a
 * later day/month date would make ambiguous) are held back with the rows after them until the file's evidence
 * settles them; rows then come out in file order, each read exactly as a reading of the whole file first would
 * read it. When more than {@value #PENDING_ROWS} rows wait, the rest of the file is read for its evidence alone and
 * then again for its rows: memory stays bounded, and only such files are read twice. A file showing both decimal
 * conventions is refused as soon as the second one shows ({@link FileRefused} from the row stream).
 */
public final class ModelReader {

    static final int PENDING_ROWS = 10_000;

    private final RowModel model;
    private final Table table;
    private final HeaderMatch match;
    private final FileEvidence evidence;
    private final LocalDate today;

    private ModelReader(RowModel model, Table table, HeaderMatch match, LocalDate today) {
        this.model = model;
        this.table = table;
        this.match = match;
        this.evidence = new FileEvidence(model, match);
        this.today = today;
    }

    static ModelReader open(RowModel model, Table table, Clock clock) {
        return new ModelReader(model, table, HeaderMatch.of(model, table.header()), LocalDate.now(clock));
    }

    /**
     * The decimal convention the rows read so far established: the file's own once {@link #rows()} has been read
     * to its end (recorded on the job with the encoding).
     */
    public NumberConvention numberConvention() {
        return evidence.convention();
    }

    public Table table() {
        return table;
    }

    public HeaderMatch header() {
        return match;
    }

    /** Whether the file's header names the column. */
    public boolean present(Column<?> column) {
        return match.position(model.indexOf(column)) >= 0;
    }

    /** Reads a value found inside a cell (e.g. one part of "10 x 8 x 4") by the file's conventions so far. */
    public <T> T parse(ColumnType<T> type, String text) {
        return type.parse(Cell.text(text), evidence.facts(today));
    }

    /** The parsed rows, streamed in file order; close it when done. Read them once. */
    public ParsedRows rows() {
        return rows(PENDING_ROWS);
    }

    /** The rows, holding back at most {@code pendingRows} before reading the rest of the file for its evidence. */
    ParsedRows rows(int pendingRows) {
        return new ParsedRows() {
            private final ArrayDeque<SheetRow> pending = new ArrayDeque<>();
            private Rows source = table.rows();
            private boolean wholeFileKnown;

            @Override
            public boolean hasNext() {
                while (pending.isEmpty() || !wholeFileKnown && !evidence.settled(pending.peekFirst())) {
                    if (!source.hasNext()) {
                        wholeFileKnown = true;
                    } else if (!wholeFileKnown && pending.size() >= pendingRows) {
                        readRestForEvidence();
                    } else {
                        var row = source.next();
                        if (!wholeFileKnown) {
                            evidence.see(row);
                        }
                        pending.addLast(row);
                    }
                    if (wholeFileKnown && pending.isEmpty() && !source.hasNext()) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public ParsedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return model.parse(pending.pollFirst(), match, evidence.facts(today));
            }

            /** Too many rows wait: the rest of the file settles the evidence, then is read again after them. */
            private void readRestForEvidence() {
                long resumeAfter = pending.isEmpty() ? 0 : pending.peekLast().line();
                while (source.hasNext()) {
                    evidence.see(source.next());
                }
                source.close();
                source = table.rows();
                if (resumeAfter > 0) {
                    while (source.hasNext() && source.next().line() < resumeAfter) {
                        // rows up to the last pending one (included) are pending already
                    }
                }
                wholeFileKnown = true;
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** Parsed rows over an open file. */
    public interface ParsedRows extends java.util.Iterator<ParsedRow>, AutoCloseable {
        @Override
        void close();
    }
}
