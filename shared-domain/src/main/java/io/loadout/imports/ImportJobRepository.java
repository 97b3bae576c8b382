package io.loadout.imports;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, Long> {

    private static final List<ImportStatus> FINISHED = Arrays.stream(ImportStatus.values())
            .filter(ImportStatus::finished).toList();

    /** Registers the object as a job unless that exact generation is already known; returns the job id either way. */
    public long register(StoredObject object, String kind, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into import_job (id, kind, bucket, object_name, generation, size_bytes, status, received_at,
                                        heartbeat_at, dry_run)
                values (nextval('import_job_id_seq'), :kind, :bucket, :name, :generation, :size, 'RECEIVED', :now, :now,
                        :dryRun)
                on conflict on constraint import_job_object_uq do nothing""")
                .setParameter("kind", kind)
                .setParameter("bucket", object.bucket())
                .setParameter("name", object.name())
                .setParameter("generation", object.generation())
                .setParameter("size", object.sizeBytes())
                .setParameter("now", now)
                .setParameter("dryRun", ImportPath.parse(object.name()).map(ImportPath::dryRun).orElse(false))
                .executeUpdate();
        // A separate statement: under READ COMMITTED it sees a row a concurrent delivery just committed.
        return getEntityManager().createQuery(
                        "select j.id from ImportJob j where j.bucket = ?1 and j.objectName = ?2 and j.generation = ?3", Long.class)
                .setParameter(1, object.bucket())
                .setParameter(2, object.name())
                .setParameter(3, object.generation())
                .getSingleResult();
    }

    /** The job, row-locked until the transaction ends: claims and finishes of one job happen one at a time. */
    public ImportJob lock(long jobId) {
        return findById(jobId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Holds the errors report of this object name until the transaction ends: jobs of its generations write or
     * remove {@code <object>.errors.csv} one at a time, each seeing what the one before committed.
     */
    public void lockErrorsReport(String bucket, String objectName) {
        getEntityManager().createNativeQuery("""
                        select 1 from pg_advisory_xact_lock(hashtext('import_job.errors_report'),
                                                            hashtext(:bucket || '/' || :name))""")
                .setParameter("bucket", bucket)
                .setParameter("name", objectName)
                .getSingleResult();
    }

    /** The newest generation after {@code generation} of the same object whose job has finished, if any. */
    public Optional<Long> newestFinishedGenerationAfter(String bucket, String objectName, long generation) {
        return Optional.ofNullable(getEntityManager().createQuery("""
                        select max(j.generation) from ImportJob j
                        where j.bucket = ?1 and j.objectName = ?2 and j.generation > ?3 and j.status in ?4""", Long.class)
                .setParameter(1, bucket)
                .setParameter(2, objectName)
                .setParameter(3, generation)
                .setParameter(4, FINISHED)
                .getSingleResult());
    }

    /**
     * The object name of the newest job that recorded {@code errorsObject} as its report, if any: which upload a
     * report under the pre-ADR 0013 name belongs to ({@code x.csv} and {@code x.xlsx} both wrote {@code x.errors.csv}).
     */
    public Optional<String> lastWriterOfReport(String bucket, String errorsObject) {
        return getEntityManager().createQuery("""
                        select j.objectName from ImportJob j where j.bucket = ?1 and j.errorsObject = ?2
                        order by j.id desc""", String.class)
                .setParameter(1, bucket)
                .setParameter(2, errorsObject)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Unfinished jobs whose last sign of life predates {@code staleBefore}, oldest first. */
    public List<Long> abandoned(Instant staleBefore, int limit) {
        return getEntityManager().createQuery("""
                        select j.id from ImportJob j where j.status in ?1 and j.heartbeatAt < ?2 order by j.id""", Long.class)
                .setParameter(1, List.of(ImportStatus.RECEIVED, ImportStatus.PROCESSING))
                .setParameter(2, staleBefore)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Records progress and renews the lease; false when {@code attempt} no longer holds the job. */
    public boolean recordProgress(long jobId, int attempt, long bytesRead, Instant now) {
        return update("bytesRead = ?1, heartbeatAt = ?2 where id = ?3 and status = ?4 and attempts = ?5", bytesRead, now,
                jobId, ImportStatus.PROCESSING, attempt) == 1;
    }

    /** A sign of life of the attempt holding the job, without progress; false when it no longer holds it. */
    public boolean recordHeartbeat(long jobId, int attempt, Instant now) {
        return update("heartbeatAt = ?1 where id = ?2 and status = ?3 and attempts = ?4", now, jobId,
                ImportStatus.PROCESSING, attempt) == 1;
    }

    public Page<ImportJob> page(ImportStatus status, String kind, PageRequest page) {
        var rows = find("""
                (:status is null or status = :status) and (:kind is null or kind = :kind)
                and (:before is null or id < :before) order by id desc""",
                Parameters.with("status", status).and("kind", kind).and("before", page.before()))
                .page(0, page.limit() + 1).list();
        return Page.fromOverfetch(rows, page, ImportJob::id);
    }
}
