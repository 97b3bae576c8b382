package io.loadout.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadout.shared.DomainException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {

    /** Expected values written out by hand from the numbers' countries, not derived from the parser. */
    @ParameterizedTest(name = "{0} with default {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "+44 20 7946 0958      | -  | +442079460958",
            "0044 (20) 7946-0958   | -  | +442079460958",
            "+1 (415) 555-0132     | 44 | +14155550132",
            "020 7946 0958         | 44 | +442079460958",
            "(415) 555.0132        | 1  | +14155550132",
            "415/555/0132          | 1  | +14155550132",
            "020 7946 0958         | -  | -",
            "+44 123               | -  | -",
            "+0 20 7946 0958       | -  | -",
            "+1234567890123456     | -  | -",
    })
    void readsWhatCanBeReadWithoutGuessing(String entered, String defaultCode, String expected) {
        var phone = PhoneNumber.parse("phone", entered, Optional.ofNullable(defaultCode));

        assertThat(phone.e164()).isEqualTo(Optional.ofNullable(expected));
        assertThat(phone.entered()).isEqualTo(entered.strip());
    }

    @ParameterizedTest
    @CsvSource({"call me", "+44 20 7946 0958 ext 2", "''", "++44 20"})
    void lettersOrNoDigitsAreNotAPhoneNumber(String entered) {
        assertThatThrownBy(() -> PhoneNumber.parse("items[0].phone", entered, Optional.empty()))
                .isInstanceOf(DomainException.InvalidInput.class)
                .extracting(e -> ((DomainException) e).field()).isEqualTo("items[0].phone");
    }
}
