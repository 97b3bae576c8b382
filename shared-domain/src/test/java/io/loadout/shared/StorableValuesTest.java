package io.loadout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class StorableValuesTest {

    @Test
    void textWithNulOrAnUnpairedSurrogateCannotBeStored() {
        assertThat(StorableValues.textRefusal("Crème brûlée 🍮")).isNull();
        assertThat(StorableValues.textRefusal("")).isNull();
        assertThat(StorableValues.textRefusal("a\u0000b")).contains("NUL");
        assertThat(StorableValues.textRefusal("\ud83c")).contains("surrogate");      // high surrogate at the end
        assertThat(StorableValues.textRefusal("\udf6e tail")).contains("surrogate"); // low surrogate first
        assertThat(StorableValues.textRefusal("\ud83c\ud83c\udf6e")).contains("surrogate");
        assertThat(StorableValues.textRefusal("tab\tand\u0001controls")).isNull();   // storable, if odd
    }

    @Test
    void instantsAndDatesMustFallInYears1To9999() {
        assertThat(StorableValues.instantRefusal(Instant.parse("2026-12-01T00:00:00Z"))).isNull();
        assertThat(StorableValues.instantRefusal(Instant.parse("9999-12-31T23:59:59Z"))).isNull();
        assertThat(StorableValues.instantRefusal(Instant.parse("+10000-01-01T00:00:00Z"))).isNotNull();
        assertThat(StorableValues.instantRefusal(Instant.parse("+999999-01-01T00:00:00Z"))).isNotNull();
        assertThat(StorableValues.instantRefusal(Instant.parse("-0001-12-31T00:00:00Z"))).isNotNull();
        assertThat(StorableValues.dateRefusal(LocalDate.of(1, 1, 1))).isNull();
        assertThat(StorableValues.dateRefusal(LocalDate.of(0, 12, 31))).isNotNull();
        assertThat(StorableValues.dateRefusal(LocalDate.of(10000, 1, 1))).isNotNull();
    }
}
