package io.loadout.account;

import io.loadout.shared.DomainException;
import io.loadout.shared.Page;
import io.loadout.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Accounts and their API tokens. Admin-only operations are guarded by the adapters' roles; reads check tenancy. */
@ApplicationScoped
public class AccountService {

    public static final String BOOTSTRAP_ADMIN_EMAIL = "admin@loadout.local";

    private final AccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final Clock clock;

    AccountService(AccountRepository accounts, ApiTokenRepository tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Transactional
    public Account create(@Valid @NotNull NewAccount command) {
        if (accounts.findByEmail(command.email()).isPresent()) {
            throw new DomainException.Conflict("email", "an account with email " + command.email() + " exists");
        }
        var account = new Account(command.name(), command.email(), command.role(), clock.instant());
        accounts.persist(account);
        return account;
    }

    @Transactional
    public Account update(long accountId, @Valid @NotNull AccountChanges changes) {
        var account = accounts.findByIdOptional(accountId).orElseThrow(() -> new DomainException.NotFound("account", accountId));
        if (changes.email() != null) {
            accounts.findByEmail(changes.email()).filter(other -> !other.id().equals(account.id())).ifPresent(other -> {
                throw new DomainException.Conflict("email", "an account with email " + changes.email() + " exists");
            });
        }
        var now = clock.instant();
        if (account.apply(changes, now)) {
            // Deactivation revokes: reactivating later must not bring back tokens an operator may have forgotten.
            tokens.revokeAllOf(accountId, now);
        }
        return account;
    }

    @Transactional
    public Account get(Caller caller, long accountId) {
        caller.requireVisible("account", accountId, accountId);
        return accounts.findByIdOptional(accountId).orElseThrow(() -> new DomainException.NotFound("account", accountId));
    }

    /** An account's display name: a seller's, shown to its buyers. */
    @Transactional
    public Optional<String> nameOf(long accountId) {
        return accounts.findByIdOptional(accountId).map(Account::name);
    }

    /** The id of the account with this email, if there is one. */
    @Transactional
    public Optional<Long> idByEmail(String email) {
        return accounts.findByEmail(email).map(Account::id);
    }

    @Transactional
    public Page<Account> list(Role role, PageRequest page) {
        return accounts.page(role, page);
    }

    @Transactional
    public IssuedToken issueToken(long accountId, @Valid @NotNull NewToken command) {
        var account = accounts.findByIdOptional(accountId).orElseThrow(() -> new DomainException.NotFound("account", accountId));
        if (!account.active()) {
            throw new DomainException.Conflict("accountId", "account " + accountId + " is inactive");
        }
        var secret = TokenSecret.generate();
        var token = new ApiToken(accountId, command.label(), secret, clock.instant(), command.expiresAt());
        tokens.persist(token);
        return new IssuedToken(token, secret);
    }

    @Transactional
    public List<ApiToken> tokensOf(Caller caller, long accountId) {
        caller.requireVisible("account", accountId, accountId);
        return tokens.ofAccount(accountId);
    }

    @Transactional
    public ApiToken revokeToken(Caller caller, long tokenId) {
        var token = tokens.findByIdOptional(tokenId).orElseThrow(() -> new DomainException.NotFound("token", tokenId));
        caller.requireVisible("token", tokenId, token.accountId());
        token.revoke(clock.instant());
        return token;
    }

    /** Resolves a presented bearer secret to its caller; empty for unknown, revoked, expired or inactive. */
    @Transactional
    public Optional<Caller> authenticate(String presented) {
        if (!TokenSecret.looksValid(presented)) {
            return Optional.empty();
        }
        var now = clock.instant();
        return tokens.findByHash(new TokenSecret(presented).hash())
                .filter(token -> token.usableAt(now))
                .flatMap(token -> accounts.findByIdOptional(token.accountId())
                        .filter(Account::active)
                        .map(account -> {
                            token.markUsed(now);
                            return new Caller(account.id(), account.role());
                        }));
    }

    /** On an empty system, creates the first admin and returns its one-time token; otherwise empty. */
    @Transactional
    public Optional<IssuedToken> bootstrapAdmin() {
        if (accounts.anyAdmin()) {
            return Optional.empty();
        }
        var admin = create(new NewAccount("Operator", BOOTSTRAP_ADMIN_EMAIL, Role.ADMIN));
        return Optional.of(issueToken(admin.id(), new NewToken("bootstrap", null)));
    }
}
