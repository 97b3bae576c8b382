package io.loadout.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.account.AccountService;
import io.loadout.account.NewAccount;
import io.loadout.account.Role;
import io.loadout.testdoubles.RecordingEventPublisher;
import io.loadout.testdoubles.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxTest {

    record SomethingHappened(String what, Long accountId) implements DomainEvent {
        @Override
        public String type() {
            return "test.something-happened";
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    ProcessedEvents processed;
    @Inject
    RecordingEventPublisher transport;
    @Inject
    AccountService accounts;

    @Test
    void anEventIsPublishedOnlyAfterItsTransactionCommits() {
        var committed = QuarkusTransaction.requiringNew().call(() -> outbox.append(new SomethingHappened("kept", null)));
        assertThat(transport.published).extracting(EventEnvelope::id).contains(committed.id());
        assertThat(relay.find(committed.id()).publishedAt()).isNotNull();

        var rolledBack = new UUID[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack[0] = outbox.append(new SomethingHappened("lost", null)).id();
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(relay.find(rolledBack[0])).isNull();
        assertThat(transport.published).extracting(EventEnvelope::id).doesNotContain(rolledBack[0]);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.append(new SomethingHappened("no tx", null)))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    void anEventTheTransportRefusedIsRepublishedByTheSweep() {
        long accountId = accounts.create(new NewAccount("Outbox test", "outbox@test.local", Role.CLIENT)).id();
        transport.down = true;
        EventEnvelope stuck;
        try {
            stuck = QuarkusTransaction.requiringNew().call(() -> outbox.append(new SomethingHappened("stuck", accountId)));
        } finally {
            transport.down = false;
        }
        assertThat(relay.find(stuck.id()).publishedAt()).isNull();
        assertThat(relay.find(stuck.id()).attempts()).isEqualTo(1);

        assertThat(relay.sweep(Duration.ofMinutes(1), 100)).as("too young to sweep").isZero();
        TestClock.CLOCK.advance(Duration.ofMinutes(2));
        try {
            assertThat(relay.sweep(Duration.ofMinutes(1), 100)).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.CLOCK.advance(Duration.ofMinutes(-2));
        }
        assertThat(relay.find(stuck.id()).publishedAt()).isNotNull();
        assertThat(transport.published).filteredOn(e -> e.id().equals(stuck.id())).singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo("test.something-happened");
                    assertThat(e.accountId()).isEqualTo(accountId);
                    assertThat(e.payload().path("what").asText()).isEqualTo("stuck");
                });
    }

    @Test
    void aConsumerSeesEachEventOnceAndAFailedHandlingLeavesNoMark() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(processed.firstDelivery("test-consumer", id)).isTrue();
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("test-consumer", id))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("test-consumer", id))).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("other-consumer", id))).isTrue();
    }
}
