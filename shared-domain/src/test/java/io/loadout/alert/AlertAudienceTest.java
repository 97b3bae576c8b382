package io.loadout.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadout.account.AccountService;
import io.loadout.account.Caller;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.shared.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Alerts about a party reach the login linked to it later; an open key keeps one open alert per condition. */
@QuarkusTest
class AlertAudienceTest {

    @Inject
    AlertService alerts;
    @Inject
    AccountService accounts;

    private boolean raise(AlertDraft draft) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.raise(draft, UUID.randomUUID()));
    }

    private long count(Caller caller, String code) {
        return alerts.list(caller, false, new PageRequest(null, 200)).items().stream()
                .filter(a -> a.code().equals(code)).count();
    }

    @Test
    void anAlertRaisedBeforeTheLoginWasLinkedIsTheLoginsOnceItIs() {
        String audience = "test.party:" + UUID.randomUUID();
        String code = "test.audience." + UUID.randomUUID();
        long login = accounts.create(new NewAccount("Audience test", UUID.randomUUID() + "@test.local", Role.CLIENT)).id();
        var client = new Caller(login, Role.CLIENT);
        raise(new AlertDraft(null, AlertSeverity.INFO, code, "before the link", null, audience, null));
        raise(new AlertDraft(null, AlertSeverity.INFO, code, "about someone else", null, audience + "x", null));
        assertThat(count(client, code)).isZero();

        int moved = QuarkusTransaction.requiringNew().call(() -> alerts.assignAudience(audience, login));

        assertThat(moved).isEqualTo(1);
        assertThat(count(client, code)).isEqualTo(1);
    }

    @Test
    void anOpenKeyRaisesOnceUntilTheAlertIsAcknowledged() {
        String key = "test.open:" + UUID.randomUUID();
        String code = "test.open." + UUID.randomUUID();
        var admin = new Caller(1, Role.ADMIN);
        var draft = new AlertDraft(null, AlertSeverity.WARNING, code, "kept back", null, null, key);

        assertThat(raise(draft)).isTrue();
        assertThat(raise(draft)).as("the same condition while the first is open").isFalse();
        long id = alerts.list(admin, true, new PageRequest(null, 200)).items().stream()
                .filter(a -> a.code().equals(code)).findFirst().orElseThrow().id();
        QuarkusTransaction.requiringNew().run(() -> alerts.acknowledge(admin, id));

        assertThat(raise(draft)).as("raised again once acknowledged").isTrue();
        assertThat(count(admin, code)).isEqualTo(2);
    }
}
