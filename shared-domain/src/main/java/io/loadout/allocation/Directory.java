package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The only writer of {@code alloc_client}, {@code alloc_store} and {@code alloc_client_store} (what the AutoFBA
 * panel says, and which login a client is linked to). Looks up clients and stores, and decides what a caller may see: admins everything, a CLIENT login only the
 * clients linked to its account (and their stores). Invisible rows are "not found", never "forbidden".
 */
@ApplicationScoped
public class Directory {

    /** Placeholders carry this source time, so any real update is newer. */
    static final Instant PLACEHOLDER_TIME = Instant.EPOCH;

    private final Sql sql;

    Directory(Sql sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ClientRef client(long clientId, Caller caller) {
        var client = client(clientId);
        caller.requireVisible("client", clientId, client.accountId());
        return client;
    }

    /** For the system's own work (jobs, imports), which acts on every client. */
    @Transactional(Transactional.TxType.MANDATORY)
    ClientRef client(long clientId) {
        return sql.one("select id, external_id, name, email, account_id from alloc_client where id = ?",
                List.of(clientId), Directory::clientRef).orElseThrow(() -> new DomainException.NotFound("client", clientId));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StoreRef store(long storeId) {
        return sql.one("select id, external_id, name, mutual from alloc_store where id = ?", List.of(storeId),
                Directory::storeRef).orElseThrow(() -> new DomainException.NotFound("store", storeId));
    }

    /** The store, which the client must sell through (its own store or a mutual store it shares). */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoreRef storeOf(ClientRef client, long storeId, String field) {
        return sql.one("""
                select s.id, s.external_id, s.name, s.mutual from alloc_store s
                  join alloc_client_store m on m.store_id = s.id and m.client_id = ?
                 where s.id = ?""", List.of(client.id(), storeId), Directory::storeRef)
                .orElseThrow(() -> new DomainException.InvalidInput(field, "client " + client.externalId()
                        + " does not sell through store " + storeId));
    }

    /** A mutual store the client shares, if any: where its units can go when its balance is short. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoreRef> mutualStoreOf(long clientId, long otherThan) {
        return sql.list("""
                select s.id, s.external_id, s.name, s.mutual from alloc_store s
                  join alloc_client_store m on m.store_id = s.id and m.client_id = ?
                 where s.mutual and s.id <> ? order by s.id limit 1""", List.of(clientId, otherThan), Directory::storeRef)
                .stream().findFirst();
    }

    /** Placeholder stores for ids not seen before (a client lists its stores before they are announced). */
    @Transactional(Transactional.TxType.MANDATORY)
    void ensureStores(List<String> externalIds, Instant now) {
        ensure("alloc_store", externalIds, now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void ensureClients(List<String> externalIds, Instant now) {
        ensure("alloc_client", externalIds, now);
    }

    /** Placeholder rows (named by their id) for ids not seen before; a later update fills them. */
    private void ensure(String table, List<String> externalIds, Instant now) {
        if (!externalIds.isEmpty()) {
            sql.update("insert into " + table + " (external_id, name, source_updated_at, created_at, changed_at)"
                    + " select btrim(x), btrim(x), ?, ?, ? from unnest(?::text[]) x on conflict (external_id) do nothing",
                    List.of(PLACEHOLDER_TIME, now, now, externalIds.stream().map(String::strip).toArray(String[]::new)));
        }
    }

    /** Applies store updates newer than the stored ones; how many changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    int updateStores(List<AutoFbaFeed.Store> stores, Instant now) {
        if (stores.isEmpty()) {
            return 0;
        }
        return sql.update("""
                update alloc_store s set name = btrim(i.name), mutual = i.mutual, source_updated_at = i.at, changed_at = ?
                  from unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[]) as i(id, name, mutual, at)
                 where s.external_id = btrim(i.id) and (s.source_updated_at is null or s.source_updated_at < i.at)""",
                List.of(now, stores.stream().map(AutoFbaFeed.Store::id).toArray(String[]::new),
                        stores.stream().map(AutoFbaFeed.Store::name).toArray(String[]::new),
                        stores.stream().map(AutoFbaFeed.Store::mutual).toArray(Boolean[]::new),
                        stores.stream().map(AutoFbaFeed.Store::updatedAt).toArray(Instant[]::new)));
    }

    /** Updates newer clients and replaces their store memberships with the ones the update lists. */
    @Transactional(Transactional.TxType.MANDATORY)
    int updateClients(List<AutoFbaFeed.Client> clients, Instant now) {
        if (clients.isEmpty()) {
            return 0;
        }
        ensureClients(clients.stream().map(AutoFbaFeed.Client::id).toList(), now);
        List<Long> changed = sql.list("""
                update alloc_client c set name = btrim(i.name), email = nullif(btrim(i.email), ''),
                       source_updated_at = i.at, changed_at = ?
                  from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) as i(id, name, email, at)
                 where c.external_id = btrim(i.id) and c.source_updated_at < i.at
                returning c.id""",
                List.of(now, clients.stream().map(AutoFbaFeed.Client::id).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::name).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::email).toArray(String[]::new),
                        clients.stream().map(AutoFbaFeed.Client::updatedAt).toArray(Instant[]::new)),
                r -> r.getLong("id"));
        if (changed.isEmpty()) {
            return 0;
        }
        var clientIds = new ArrayList<String>();
        var storeIds = new ArrayList<String>();
        clients.forEach(c -> c.stores().forEach(s -> {
            clientIds.add(c.id().strip());
            storeIds.add(s.strip());
        }));
        Long[] changedIds = changed.toArray(Long[]::new);
        sql.update("delete from alloc_client_store where client_id = any(?)", List.of((Object) changedIds));
        sql.update("""
                insert into alloc_client_store (client_id, store_id)
                select distinct c.id, s.id from unnest(?::text[], ?::text[]) as m(client, store)
                  join alloc_client c on c.external_id = m.client join alloc_store s on s.external_id = m.store
                 where c.id = any(?)
                on conflict do nothing""",
                List.of(clientIds.toArray(String[]::new), storeIds.toArray(String[]::new), changedIds));
        return changed.size();
    }

    /** Links a client to a login (null: unlinked), so that the login sees this client's data. */
    @Transactional(Transactional.TxType.MANDATORY)
    void linkLogin(long clientId, Long accountId, Instant now) {
        sql.update("update alloc_client set account_id = ?, changed_at = ? where id = ?",
                java.util.Arrays.asList(accountId, now, clientId));
    }

    static ClientRef clientRef(Sql.Row r) throws java.sql.SQLException {
        return new ClientRef(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getString("email"),
                r.getLongOrNull("account_id"));
    }

    static StoreRef storeRef(Sql.Row r) throws java.sql.SQLException {
        return new StoreRef(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getBoolean("mutual"));
    }
}
