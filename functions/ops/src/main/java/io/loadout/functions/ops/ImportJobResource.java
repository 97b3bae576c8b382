package io.loadout.functions.ops;

import io.loadout.adapters.http.QueryParams;
import io.loadout.adapters.http.Roles;
import io.loadout.imports.ImportJob;
import io.loadout.imports.ImportService;
import io.loadout.imports.ImportStatus;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.List;

/** Import jobs: one per file dropped under imports/&lt;kind&gt;/ in the bucket. */
@Path("/api/ops/imports")
@RolesAllowed(Roles.ADMIN)
public class ImportJobResource {

    /**
     * A job as the API shows it. {@code rowsNew}/{@code rowsChanged}/{@code rowsUnchanged} split the rows that
     * succeeded (null when not counted); {@code dryRun}: the counts say what the file would do, nothing was written;
     * {@code encoding} (null for a workbook) and {@code numberConvention} say how the file was read.
     */
    public record ImportJobView(long id, String kind, String bucket, String objectName, long generation, Long sizeBytes,
                                String checksum, ImportStatus status, boolean dryRun, int progressPercent,
                                int rowsTotal, int rowsSucceeded, int rowsFailed, Integer rowsNew, Integer rowsChanged,
                                Integer rowsUnchanged, String encoding, String numberConvention, String errorsObject,
                                String errorSummary, String detail, int attempts, Instant receivedAt, Instant startedAt,
                                Instant heartbeatAt, Instant finishedAt) {
        static ImportJobView of(ImportJob j) {
            return new ImportJobView(j.id(), j.kind(), j.bucket(), j.objectName(), j.generation(), j.sizeBytes(),
                    j.checksum(), j.status(), j.dryRun(), j.progressPercent(), j.rowsTotal(), j.rowsSucceeded(),
                    j.rowsFailed(), j.rowsNew(), j.rowsChanged(), j.rowsUnchanged(), j.encoding(), j.numberConvention(),
                    j.errorsObject(), j.errorSummary(), j.detail(), j.attempts(), j.receivedAt(), j.startedAt(),
                    j.heartbeatAt(), j.finishedAt());
        }
    }

    private final ImportService imports;

    ImportJobResource(ImportService imports) {
        this.imports = imports;
    }

    @GET
    public Page<ImportJobView> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                    @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        return imports.list(QueryParams.enumValue("status", status, ImportStatus.class), kind,
                PageRequest.of(before, limit)).map(ImportJobView::of);
    }

    @GET
    @Path("/{id}")
    public ImportJobView get(@PathParam("id") long id) {
        return ImportJobView.of(imports.get(id));
    }

    @GET
    @Path("/kinds")
    public List<String> kinds() {
        return imports.knownKinds();
    }
}
