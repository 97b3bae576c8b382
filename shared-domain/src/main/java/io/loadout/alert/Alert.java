package io.loadout.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A dashboard alert. Raised by the notifier, at most once per source event. */
@Entity
@Table(name = "alert")
public class Alert {

    @Id
    private Long id;

    @Column(name = "account_id")
    private Long accountId;

    @Enumerated(EnumType.STRING)
    private AlertSeverity severity;

    private String code;

    private String title;

    private String detail;

    @Column(name = "source_event_id")
    private UUID sourceEventId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private Long acknowledgedBy;

    protected Alert() {
    }

    void acknowledge(long byAccountId, Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
            acknowledgedBy = byAccountId;
        }
    }

    public Long id() {
        return id;
    }

    public Long accountId() {
        return accountId;
    }

    public AlertSeverity severity() {
        return severity;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public UUID sourceEventId() {
        return sourceEventId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Long acknowledgedBy() {
        return acknowledgedBy;
    }
}
