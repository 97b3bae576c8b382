package io.loadout.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TokenSecretTest {

    @Test
    void tokensAreRandomWellFormedAndStoredOnlyAsTheirHash() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            var secret = TokenSecret.generate();
            assertThat(TokenSecret.looksValid(secret.value())).isTrue();
            assertThat(seen.add(secret.value())).isTrue();
            assertThat(secret.hash()).hasSize(32).isEqualTo(new TokenSecret(secret.value()).hash());
            assertThat(secret.toString()).doesNotContain(secret.value()).startsWith(secret.prefix());
        }
    }

    @Test
    void garbageIsRejectedBeforeAnyLookup() {
        assertThat(TokenSecret.looksValid(null)).isFalse();
        assertThat(TokenSecret.looksValid("")).isFalse();
        assertThat(TokenSecret.looksValid("ldt_short")).isFalse();
        assertThat(TokenSecret.looksValid("xyz_" + "a".repeat(43))).isFalse();
    }
}
