package io.loadout.imports;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, Long> {

    /** Registers the object as a job unless that exact generation is already known; returns the job id either way. */
    public long register(StoredObject object, String kind, Instant now) {
        getEntityManager().createNativeQuery("""
                insert into import_job (id, kind, bucket, object_name, generation, size_bytes, status, received_at)
                values (nextval('import_job_id_seq'), :kind, :bucket, :name, :generation, :size, 'RECEIVED', :now)
                on conflict on constraint import_job_object_uq do nothing""")
                .setParameter("kind", kind)
                .setParameter("bucket", object.bucket())
                .setParameter("name", object.name())
                .setParameter("generation", object.generation())
                .setParameter("size", object.sizeBytes())
                .setParameter("now", now)
                .executeUpdate();
        // A separate statement: under READ COMMITTED it sees a row a concurrent delivery just committed.
        return getEntityManager().createQuery(
                        "select j.id from ImportJob j where j.bucket = ?1 and j.objectName = ?2 and j.generation = ?3", Long.class)
                .setParameter(1, object.bucket())
                .setParameter(2, object.name())
                .setParameter(3, object.generation())
                .getSingleResult();
    }

    /** Takes the job for processing if nobody has it, or if the last taker died and its lease lapsed. */
    public boolean claim(long jobId, Instant now, Instant staleBefore) {
        return update("""
                status = ?1, attempts = attempts + 1, startedAt = ?2
                where id = ?3 and (status = ?4 or (status = ?1 and startedAt < ?5))""",
                ImportStatus.PROCESSING, now, jobId, ImportStatus.RECEIVED, staleBefore) == 1;
    }

    public void recordProgress(long jobId, long bytesRead) {
        update("bytesRead = ?1 where id = ?2 and status = ?3", bytesRead, jobId, ImportStatus.PROCESSING);
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
