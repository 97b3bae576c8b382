package io.loadout.account;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, Long> {

    public Optional<ApiToken> findByHash(byte[] hash) {
        return find("tokenHash", (Object) hash).firstResultOptional();
    }

    public List<ApiToken> ofAccount(long accountId) {
        return list("accountId = ?1 order by id desc", accountId);
    }
}
