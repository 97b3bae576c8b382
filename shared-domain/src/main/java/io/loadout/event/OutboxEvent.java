package io.loadout.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    private UUID id;

    @Column(nullable = false)
    private String type;

    private int version;

    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String payload;

    @Column(name = "published_at")
    private Instant publishedAt;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID id, String type, int version, Long accountId, Instant occurredAt, String payload) {
        this.id = id;
        this.type = type;
        this.version = version;
        this.accountId = accountId;
        this.occurredAt = occurredAt;
        this.payload = payload;
    }

    void published(Instant now) {
        attempts++;
        publishedAt = now;
        lastError = null;
    }

    void publishFailed(String error) {
        attempts++;
        lastError = error;
    }

    public UUID id() {
        return id;
    }

    public String type() {
        return type;
    }

    public int version() {
        return version;
    }

    public Long accountId() {
        return accountId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String payload() {
        return payload;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
