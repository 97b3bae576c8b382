package io.loadout.jobs;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class JobRunRepository implements PanacheRepositoryBase<JobRun, Long> {

    /** Starts a run for this trigger; empty if the trigger was already seen (a redelivered message). */
    public Optional<Long> start(String job, String triggerId, Instant now) {
        @SuppressWarnings("unchecked")
        var ids = getEntityManager().createNativeQuery("""
                insert into job_run (id, job, trigger_id, status, started_at)
                values (nextval('job_run_id_seq'), :job, :trigger, 'RUNNING', :now)
                on conflict on constraint job_run_trigger_uq do nothing returning id""", Long.class)
                .setParameter("job", job)
                .setParameter("trigger", triggerId)
                .setParameter("now", now)
                .getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    public Page<JobRun> page(String job, PageRequest page) {
        var rows = find("(:job is null or job = :job) and (:before is null or id < :before) order by id desc",
                Parameters.with("job", job).and("before", page.before()))
                .page(0, page.limit() + 1).list();
        return Page.fromOverfetch(rows, page, JobRun::id);
    }
}
