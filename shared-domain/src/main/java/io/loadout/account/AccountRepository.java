package io.loadout.account;

import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, Long> {

    public Optional<Account> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email.strip()).firstResultOptional();
    }

    public boolean anyAdmin() {
        return count("role", Role.ADMIN) > 0;
    }

    public Page<Account> page(Role role, PageRequest page) {
        var rows = find("(:role is null or role = :role) and (:before is null or id < :before) order by id desc",
                Parameters.with("role", role).and("before", page.before()))
                .page(0, page.limit() + 1).list();
        return Page.fromOverfetch(rows, page, Account::id);
    }
}
