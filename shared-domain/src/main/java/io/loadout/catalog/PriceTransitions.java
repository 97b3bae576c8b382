package io.loadout.catalog;

import io.loadout.event.Outbox;
import io.loadout.shared.Actor;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves stored price states to what the clock says (SCHEDULED → ACTIVE, → INACTIVE) and records a
 * {@link PriceActivated} or {@link PriceExpired} outbox event per change, in one set-based statement.
 * Idempotent: a row already in its state is not touched, and the state test is re-checked under the row lock, so
 * concurrent runs never change (or announce) a price twice.
 */
@ApplicationScoped
public class PriceTransitions {

    /** to_char pattern of an ISO-8601 UTC instant, as Jackson reads it. */
    private static final String ISO_UTC = "YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"";

    private final Sql sql;
    private final Outbox outbox;

    PriceTransitions(Sql sql, Outbox outbox) {
        this.sql = sql;
        this.outbox = outbox;
    }

    /** Applies due transitions for all configurations (configIds null) or the given ones. Returns how many changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(Instant now, Long[] configIds, Actor actor) {
        return configIds == null ? apply(now, "", List.of(), actor)
                : apply(now, "and p.config_id = any(?)", List.of((Object) configIds), actor);
    }

    /** Due transitions of the configurations {@code configIdsQuery} selects (one column, no parameters). */
    int applyToSelected(Instant now, String configIdsQuery, Actor actor) {
        return apply(now, "and p.config_id in (" + configIdsQuery + ")", List.of(), actor);
    }

    private int apply(Instant now, String onlyThese, List<Object> onlyParams, Actor actor) {
        var params = new ArrayList<Object>(List.of(now, now, actor.name(), now, now));
        params.addAll(onlyParams);
        params.addAll(List.of(PriceActivated.TYPE, PriceExpired.TYPE, now, ISO_UTC, ISO_UTC));
        List<UUID> eventIds = sql.list("""
                with changed as (
                  update catalog_price p
                     set state = case when p.valid_to <= ? then 'INACTIVE' else 'ACTIVE' end, changed_at = ?, changed_by = ?
                   where ((p.state = 'SCHEDULED' and p.valid_from <= ?) or (p.state in ('SCHEDULED', 'ACTIVE') and p.valid_to <= ?))
                   %s
                  returning p.id, p.config_id, p.price, p.valid_from, p.valid_to, p.state
                ), recorded as (
                  insert into outbox_event (id, type, version, account_id, occurred_at, payload)
                  select gen_random_uuid(), case when state = 'ACTIVE' then ? else ? end, 1, null, ?,
                         jsonb_build_object('priceId', id, 'configId', config_id, 'price', price::text,
                                            'validFrom', to_char(valid_from at time zone 'UTC', ?),
                                            'validTo', to_char(valid_to at time zone 'UTC', ?))
                    from changed
                  returning id
                )
                select id from recorded""".formatted(onlyThese), params, r -> r.getObject("id", UUID.class));
        outbox.insertedInBulk(eventIds);
        return eventIds.size();
    }
}
