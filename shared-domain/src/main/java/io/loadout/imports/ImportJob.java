package io.loadout.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One file dropped into {@code imports/<kind>/}: RECEIVED → PROCESSING → SUCCEEDED | FAILED | PARTIAL. Each claim
 * is a numbered attempt holding a lease renewed by its heartbeat; an unfinished job whose heartbeat is older than
 * the caller's {@code staleBefore} is taken over, at most {@code maxAttempts} times, and only the attempt holding
 * the job may finish it.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_job_id")
    @SequenceGenerator(name = "import_job_id", sequenceName = "import_job_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String bucket;

    @Column(name = "object_name", nullable = false)
    private String objectName;

    private long generation;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private String checksum;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportStatus status;

    @Column(name = "bytes_read")
    private long bytesRead;

    @Column(name = "rows_total")
    private int rowsTotal;

    @Column(name = "rows_succeeded")
    private int rowsSucceeded;

    @Column(name = "rows_failed")
    private int rowsFailed;

    @Column(name = "errors_object")
    private String errorsObject;

    @Column(name = "error_summary")
    private String errorSummary;

    private String detail;

    /** How the file's text was decoded ({@code TextEncoding} label); null for a workbook or a file never read. */
    private String encoding;

    /** The decimal convention the file settled ({@code NumberConvention}); null when the file was never read. */
    @Column(name = "number_convention")
    private String numberConvention;

    /** The rows that succeeded (in a dry run: would), split by what they became; null when not counted. */
    @Column(name = "rows_new")
    private Integer rowsNew;

    @Column(name = "rows_changed")
    private Integer rowsChanged;

    @Column(name = "rows_unchanged")
    private Integer rowsUnchanged;

    /** Dropped under {@code imports/<kind>/dry-run/}: the counts say what the file would do; nothing was written. */
    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    private int attempts;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at", nullable = false)
    private Instant heartbeatAt;

    protected ImportJob() {
    }

    /** A job as {@link ImportJobRepository#register} creates it (for rule tests; the repository inserts with SQL). */
    ImportJob(long id, String kind, StoredObject object, Instant now) {
        this.id = id;
        this.kind = kind;
        this.bucket = object.bucket();
        this.objectName = object.name();
        this.generation = object.generation();
        this.sizeBytes = object.sizeBytes();
        this.status = ImportStatus.RECEIVED;
        this.dryRun = ImportPath.parse(object.name()).map(ImportPath::dryRun).orElse(false);
        this.receivedAt = now;
        this.heartbeatAt = now;
    }

    /** RECEIVED is always free; PROCESSING only once its heartbeat predates {@code staleBefore}. */
    ImportClaim claim(Instant now, Instant staleBefore, int maxAttempts) {
        if (status.finished()) {
            return new ImportClaim.Finished(status);
        }
        if (status == ImportStatus.PROCESSING && !heartbeatAt.isBefore(staleBefore)) {
            return new ImportClaim.Busy(attempts);
        }
        if (status == ImportStatus.PROCESSING && attempts >= maxAttempts) {
            var gaveUp = ImportResult.rejected(new RowError(0, null, "gave up after " + attempts + " attempts: each"
                    + " was interrupted before it finished (the last started " + startedAt + " and was last seen "
                    + heartbeatAt + "); nothing of it was applied. Upload the file again to retry"));
            return new ImportClaim.GaveUp(complete(gaveUp, null, null, now));
        }
        status = ImportStatus.PROCESSING;
        attempts++;
        startedAt = now;
        heartbeatAt = now;
        bytesRead = 0;
        return new ImportClaim.Taken(id, attempts, objectName, generation);
    }

    /** Throws {@link LeaseLost} unless {@code attempt} still holds the job. */
    void requireHeldBy(int attempt) {
        if (status != ImportStatus.PROCESSING || attempts != attempt) {
            throw new LeaseLost(id, attempt, status == ImportStatus.PROCESSING ? "attempt " + attempts + " has it"
                    : "it is " + status);
        }
    }

    ImportFinished finish(int attempt, ImportResult result, String checksum, String errorsObject, Instant now) {
        requireHeldBy(attempt);
        return complete(result, checksum, errorsObject, now);
    }

    private ImportFinished complete(ImportResult result, String checksum, String errorsObject, Instant now) {
        this.status = result.status();
        this.checksum = checksum;
        this.bytesRead = sizeBytes == null ? bytesRead : sizeBytes;
        this.rowsTotal = result.rowsTotal();
        this.rowsSucceeded = result.rowsApplied();
        this.rowsFailed = result.rowsFailed();
        this.errorsObject = errorsObject;
        this.errorSummary = result.errors().isEmpty() ? null : summarize(result);
        this.detail = result.detail();
        this.encoding = result.read() == null ? null : result.read().encoding();
        this.numberConvention = result.read() == null || result.read().numberConvention() == null ? null
                : result.read().numberConvention().name();
        var outcomes = result.outcomes();
        this.rowsNew = outcomes == null ? null : outcomes.rowsNew();
        this.rowsChanged = outcomes == null ? null : outcomes.rowsChanged();
        this.rowsUnchanged = outcomes == null ? null : outcomes.rowsUnchanged();
        this.finishedAt = now;
        return new ImportFinished(id, kind, objectName, status, rowsTotal, rowsSucceeded, rowsFailed, errorsObject,
                errorSummary, detail, dryRun, rowsNew, rowsChanged, rowsUnchanged, encoding, numberConvention);
    }

    private static String summarize(ImportResult result) {
        var first = result.errors().get(0);
        // RowError.row is the file line (the header is line 1) since the reading layer; 0 is the file as a whole
        String where = first.row() == 0 ? "file" : "line " + first.row();
        String more = result.errors().size() > 1 ? " (+" + (result.errors().size() - 1) + " more)" : "";
        return where + (first.field() == null ? "" : ", " + first.field()) + ": " + first.message() + more;
    }

    /** 0–100: bytes read so far against the object size; 100 once finished. */
    public int progressPercent() {
        if (status.finished()) {
            return 100;
        }
        if (sizeBytes == null || sizeBytes == 0) {
            return 0;
        }
        return (int) Math.min(99, bytesRead * 100 / sizeBytes);
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String bucket() {
        return bucket;
    }

    public String objectName() {
        return objectName;
    }

    public long generation() {
        return generation;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public String checksum() {
        return checksum;
    }

    public ImportStatus status() {
        return status;
    }

    public long bytesRead() {
        return bytesRead;
    }

    public int rowsTotal() {
        return rowsTotal;
    }

    public int rowsSucceeded() {
        return rowsSucceeded;
    }

    public int rowsFailed() {
        return rowsFailed;
    }

    public String errorsObject() {
        return errorsObject;
    }

    public String errorSummary() {
        return errorSummary;
    }

    public String detail() {
        return detail;
    }

    public String encoding() {
        return encoding;
    }

    public String numberConvention() {
        return numberConvention;
    }

    public Integer rowsNew() {
        return rowsNew;
    }

    public Integer rowsChanged() {
        return rowsChanged;
    }

    public Integer rowsUnchanged() {
        return rowsUnchanged;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public int attempts() {
        return attempts;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }
}
