package io.loadout.imports;

import io.loadout.shared.Csv;
import io.loadout.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Keeps {@code <object name>.errors.csv} the report of the newest finished upload under that name: a job that ends
 * with errors writes it, one that ends without removes it (a fixed file dropped again leaves no stale report). Once
 * a newer generation's job has finished, an older job leaves the report alone, so a slow or retried job on an
 * older upload never overwrites or removes the newer one's. Runs inside the job's finishing transaction.
 * A success also removes the report under its pre-ADR 0013 name ({@code x.errors.csv} for {@code x.csv}) unless a
 * job of another upload ({@code x.xlsx}) wrote that one last: then it is that upload's to replace.
 */
@ApplicationScoped
class ErrorsReports {

    /** What the job records: the report it wrote (or null), and its result with a note when it wrote none. */
    record Outcome(String errorsObject, ImportResult result) {
    }

    private final ImportJobRepository jobs;
    private final BlobStore blobs;

    ErrorsReports(ImportJobRepository jobs, BlobStore blobs) {
        this.jobs = jobs;
        this.blobs = blobs;
    }

    Outcome update(ImportJob job, ImportPath path, ImportResult result) {
        jobs.lockErrorsReport(job.bucket(), job.objectName());
        var newer = jobs.newestFinishedGenerationAfter(job.bucket(), job.objectName(), job.generation());
        if (newer.isPresent()) {
            return new Outcome(null, result.errors().isEmpty() ? result : noted(result, "errors file not written:"
                    + " generation " + newer.get() + " of " + job.objectName() + " finished first and its report stands"));
        }
        try {
            if (result.errors().isEmpty()) {
                blobs.delete(path.errorsObject());
                removeLegacyReport(job, path);
                return new Outcome(null, result);
            }
            blobs.write(path.errorsObject(), csv(result.errors()), "text/csv");
            return new Outcome(path.errorsObject(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void removeLegacyReport(ImportJob job, ImportPath path) throws IOException {
        var legacy = path.legacyErrorsObject();
        if (legacy.isEmpty()) {
            return;
        }
        var writer = jobs.lastWriterOfReport(job.bucket(), legacy.get());
        if (writer.isEmpty() || writer.get().equals(job.objectName())) {
            blobs.delete(legacy.get());
        }
    }

    private static byte[] csv(List<RowError> errors) {
        var csv = new StringBuilder(Csv.line(List.of("line", "field", "message")));
        errors.forEach(e -> csv.append(Csv.line(List.of(e.row(), e.field() == null ? "" : e.field(), e.message()))));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ImportResult noted(ImportResult result, String note) {
        return result.withDetail(result.detail() == null ? note : result.detail() + "; " + note);
    }
}
