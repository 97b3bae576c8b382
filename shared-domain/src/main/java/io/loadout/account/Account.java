package io.loadout.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_id")
    @SequenceGenerator(name = "account_id", sequenceName = "account_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String name, String email, Role role, Instant now) {
        this.name = name.strip();
        this.email = email.strip();
        this.role = role;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Returns true when this change deactivates the account (its tokens must then die with it). */
    boolean apply(AccountChanges changes, Instant now) {
        boolean deactivated = active && Boolean.FALSE.equals(changes.active());
        if (changes.name() != null) {
            name = changes.name().strip();
        }
        if (changes.email() != null) {
            email = changes.email().strip();
        }
        if (changes.active() != null) {
            active = changes.active();
        }
        updatedAt = now;
        return deactivated;
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
