package io.loadout.allocation;

import io.loadout.account.Caller;
import io.loadout.shared.DomainException;
import io.loadout.shared.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * Looks up clients and stores, and decides what a caller may see: admins everything, a CLIENT login only the
 * clients linked to its account (and their stores). Invisible rows are "not found", never "forbidden".
 */
@ApplicationScoped
public class Directory {

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

    static ClientRef clientRef(Sql.Row r) throws java.sql.SQLException {
        return new ClientRef(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getString("email"),
                r.getLongOrNull("account_id"));
    }

    static StoreRef storeRef(Sql.Row r) throws java.sql.SQLException {
        return new StoreRef(r.getLong("id"), r.getString("external_id"), r.getString("name"), r.getBoolean("mutual"));
    }
}
