package io.loadout.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loadout.event.EventPayloadSql;
import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Moves stored price states to what the clock says (SCHEDULED → ACTIVE, → INACTIVE) and records the changes as
 * {@link PricesChanged} outbox events of at most {@link PricesChanged#MAX_CHANGES} each, in one set-based statement.
 * Idempotent: a row already in its state is not touched, and the state test is re-checked under the row lock, so
 * concurrent runs never change (or announce) a price twice.
 * <p>
 * The job ({@link #catchUp}) looks only at prices whose start or end lies after the watermark
 * ({@code price_activation.through}); writers bring their own configurations up to the clock ({@link #apply}) while
 * holding the watermark ({@link #holdOffTheJob}), so nothing is written behind it (ADR 0020).
 */
@ApplicationScoped
public class PriceTransitions {

    /** The job looks this far behind its watermark again: room for clock skew between writers and the job. */
    static final Duration SKEW_MARGIN = Duration.ofMinutes(1);

    private final Sql sql;
    private final Outbox outbox;
    /** The event's payload over a batch row {@code b} and each change over a changed row {@code c}: from the records. */
    private final String eventPayload;
    private final String changePayload;

    PriceTransitions(Sql sql, Outbox outbox, ObjectMapper json) {
        this.sql = sql;
        this.outbox = outbox;
        this.eventPayload = EventPayloadSql.jsonb(json, PricesChanged.class, "b");
        this.changePayload = EventPayloadSql.jsonb(json, PriceChange.class, "c");
    }

    /**
     * Price writers call this before they read the clock and touch a price: the job waits for (skips) them, and a
     * job that ran before has a watermark no later than their clock, so their prices are either brought up to the
     * clock by themselves or still ahead of the job.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void holdOffTheJob() {
        sql.one("select through from price_activation for share", List.of(), r -> r.getInstant("through"));
    }

    /**
     * The job's step: everything that started or ended between the watermark (less {@link #SKEW_MARGIN}) and the
     * clock, read after taking the watermark. Empty when price writes hold it; the next run catches up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalInt catchUp(Clock clock, Actor actor) {
        var through = sql.one("select through from price_activation for update skip locked", List.of(),
                r -> r.getInstant("through"));
        if (through.isEmpty()) {
            return OptionalInt.empty();
        }
        Instant now = clock.instant();
        Instant from = through.get().minus(SKEW_MARGIN);
        int changed = transition(WINDOW, List.of(from, now, from, now), now, actor);
        sql.update("update price_activation set through = greatest(through, ?)", List.of(now));
        return OptionalInt.of(changed);
    }

    /** Applies due transitions of the given configurations (a writer's own, whatever the watermark). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(Instant now, Long[] configIds, Actor actor) {
        return transition("p.config_id = any(?) and " + DUE, List.of(configIds, now, now), now, actor);
    }

    /** Due transitions of the configurations {@code configIdsQuery} selects (one column, no parameters). */
    int applyToSelected(Instant now, String configIdsQuery, Actor actor) {
        return transition("p.config_id in (" + configIdsQuery + ") and " + DUE, List.of(now, now), now, actor);
    }

    /**
     * What the job changes: {@link #DUE} with the start or end in {@code (from, now]} (parameters from, now, from,
     * now), found through the plain indexes on valid_from and valid_to.
     */
    static final String WINDOW = """
            ((p.state = 'SCHEDULED' and p.valid_from > ? and p.valid_from <= ?)
             or (p.state in ('SCHEDULED', 'ACTIVE') and p.valid_to > ? and p.valid_to <= ?))""";

    /** Not yet in the state the clock gives: started while SCHEDULED, or ended while not yet INACTIVE. */
    private static final String DUE = """
            ((p.state = 'SCHEDULED' and p.valid_from <= ?) or (p.state in ('SCHEDULED', 'ACTIVE') and p.valid_to <= ?))""";

    private int transition(String due, List<Object> dueParams, Instant now, Actor actor) {
        var params = new ArrayList<Object>(List.of(now, now, actor.name()));
        params.addAll(dueParams);
        params.addAll(List.of(PricesChanged.MAX_CHANGES, PricesChanged.TYPE, now));
        var recorded = sql.list("""
                with changed as (
                  update catalog_price p
                     set state = case when p.valid_to <= ? then 'INACTIVE' else 'ACTIVE' end, changed_at = ?, changed_by = ?
                   where %s
                  returning p.id as price_id, p.config_id, p.state, p.price, p.valid_from, p.valid_to, p.changed_at
                ), batch as (
                  select c.changed_at, jsonb_agg(%s order by c.price_id) as changes
                    from (select c.*, (row_number() over (order by c.price_id) - 1) / ? as batch from changed c) c
                   group by c.batch, c.changed_at
                ), recorded as (
                  insert into outbox_event (id, type, version, account_id, occurred_at, payload)
                  select gen_random_uuid(), ?, 1, null, ?, %s from batch b
                  returning id
                )
                select r.id, (select count(*) from changed) as changed from recorded r""".formatted(due, changePayload,
                eventPayload), params, r -> new Recorded(r.getObject("id", UUID.class), r.getLong("changed")));
        outbox.insertedInBulk(recorded.stream().map(Recorded::eventId).toList());
        return recorded.isEmpty() ? 0 : Math.toIntExact(recorded.get(0).changes());
    }

    private record Recorded(UUID eventId, long changes) {
    }
}
