package io.loadout.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.shared.DomainException;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final Caller admin = new Caller(1, Role.ADMIN);
    private final Caller client = new Caller(2, Role.CLIENT);

    @Test
    void adminsSeeEverythingClientsOnlyTheirOwnRows() {
        assertThat(admin.canSee(2L)).isTrue();
        assertThat(admin.canSee(null)).isTrue();
        assertThat(admin.ownerFilter()).isNull();
        assertThat(client.canSee(2L)).isTrue();
        assertThat(client.canSee(3L)).isFalse();
        assertThat(client.canSee(null)).as("operator-only rows").isFalse();
        assertThat(client.ownerFilter()).isEqualTo(2L);
    }

    @Test
    void anotherTenantsRowLooksAbsent() {
        assertThatThrownBy(() -> client.requireVisible("account", 3, 3L)).isInstanceOf(DomainException.NotFound.class)
                .hasMessage("account 3 not found");
    }
}
