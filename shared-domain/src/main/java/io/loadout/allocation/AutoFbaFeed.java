package io.loadout.allocation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The AutoFBA panel's JSON contract, the same for its webhook and for our scheduled pull: any subset of clients,
 * stores and balance entries. Ids are AutoFBA's. A client or store update older than the stored one is ignored;
 * an entry id is applied once.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AutoFbaFeed(List<@Valid @NotNull Client> clients, List<@Valid @NotNull Store> stores,
                          List<@Valid @NotNull Entry> entries) {

    public AutoFbaFeed {
        clients = listOf(clients);
        stores = listOf(stores);
        entries = listOf(entries);
    }

    /** Null items are kept (unlike List.copyOf) so validation can name them, e.g. {@code clients[2]}. */
    static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** {@code stores}: the ids of the stores the client sells through (its own and any mutual stores). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 200) String name,
                         @Size(max = 320) String email, @NotNull Instant updatedAt,
                         List<@NotBlank @Size(max = 100) String> stores) {
        public Client {
            stores = listOf(stores);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Store(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 200) String name, boolean mutual,
                        @NotNull Instant updatedAt) {
    }

    /** A balance movement the panel recorded: amount is positive, its sign comes from the kind. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(@NotBlank @Size(max = 100) String id, @NotBlank @Size(max = 100) String client,
                        @NotNull PartnerEntryKind kind,
                        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                        @Size(max = 150) String reference, @NotNull Instant occurredAt) {
    }

    public enum PartnerEntryKind {
        DEPOSIT, REFUND, SERVICE_FEE;

        LedgerKind ledgerKind() {
            return LedgerKind.valueOf(name());
        }
    }

    public boolean isEmpty() {
        return clients.isEmpty() && stores.isEmpty() && entries.isEmpty();
    }
}
