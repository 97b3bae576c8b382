package io.loadout.testdoubles;

import io.loadout.imports.ImportResult;
import io.loadout.imports.Importer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only import kind "ledger" that writes each line as a row of {@code test_ledger} in the job's
 * transaction. A line "crash" kills the attempt like a {@code kill -9} would (an Error no handler catches, after
 * rows were written) while {@link #crashes} is above zero. A line "oom" runs out of memory the way a file too big
 * for the heap does, in a process that survives it. Lines "read N" and "rows-read N" report progress; a line "seen"
 * writes "seen B", the bytes read the job shows at that moment.
 */
@Singleton
public class LedgerImporter implements Importer {

    public static final String TABLE = "test_ledger";
    public final AtomicInteger crashes = new AtomicInteger();
    private final EntityManager em;

    LedgerImporter(EntityManager em) {
        this.em = em;
    }

    /** The process died mid-import. */
    public static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated kill -9");
        }
    }

    @Override
    public String kind() {
        return "ledger";
    }

    @Override
    public ImportResult apply(InputStream content, ImportContext context) throws IOException {
        List<String> lines = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8)).lines().toList();
        for (String line : lines) {
            if ("oom".equals(line)) {
                em.flush();
                throw new OutOfMemoryError("Java heap space");
            }
            if ("crash".equals(line) && crashes.getAndDecrement() > 0) {
                em.flush();
                throw new SimulatedCrash();
            }
            String written = line;
            if (line.startsWith("read ")) {
                context.progress().read(Long.parseLong(line.substring(5)));
            } else if (line.startsWith("rows-read ")) {
                context.progress().rowsRead(Long.parseLong(line.substring(10)));
            } else if ("seen".equals(line)) {
                // what anyone watching the job sees now, from outside the import's transaction
                written = "seen " + QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select bytes_read from import_job where id = ?1").setParameter(1, context.jobId())
                        .getSingleResult());
            }
            em.createNativeQuery("insert into " + TABLE + " (job_id, line) values (?1, ?2)")
                    .setParameter(1, context.jobId()).setParameter(2, written).executeUpdate();
        }
        return new ImportResult(lines.size(), lines.size(), List.of());
    }
}
