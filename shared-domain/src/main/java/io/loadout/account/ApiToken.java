package io.loadout.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A bearer credential of one account. Only its SHA-256 hash is stored; the secret is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    /** last_used_at is refreshed at most this often, so authentication is not a write per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_id")
    @SequenceGenerator(name = "api_token_id", sequenceName = "api_token_id_seq", allocationSize = 50)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(nullable = false)
    private String label;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "token_hash", nullable = false)
    private byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(long accountId, String label, TokenSecret secret, Instant now, Instant expiresAt) {
        this.accountId = accountId;
        this.label = label.strip();
        this.prefix = secret.prefix();
        this.tokenHash = secret.hash();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void markUsed(Instant now) {
        if (lastUsedAt == null || lastUsedAt.plus(LAST_USED_RESOLUTION).isBefore(now)) {
            lastUsedAt = now;
        }
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public String label() {
        return label;
    }

    public String prefix() {
        return prefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
