package io.loadout.imports.table;

import static io.loadout.imports.table.NumberConvention.DECIMAL_COMMA;
import static io.loadout.imports.table.NumberConvention.DECIMAL_POINT;
import static io.loadout.imports.table.NumberConvention.UNDECIDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void valuesOnlyOneConventionCanWriteAreEvidenceForIt() {
        assertThat(Numbers.readings("4,2").evidence()).isEqualTo(DECIMAL_COMMA);
        assertThat(Numbers.readings("8,00").evidence()).isEqualTo(DECIMAL_COMMA);
        assertThat(Numbers.readings("1.234,50").evidence()).isEqualTo(DECIMAL_COMMA);
        assertThat(Numbers.readings("1.234.567").evidence()).isEqualTo(DECIMAL_COMMA);
        assertThat(Numbers.readings("1,234.50").evidence()).isEqualTo(DECIMAL_POINT);
        assertThat(Numbers.readings("0.234").evidence()).isEqualTo(DECIMAL_POINT);
        assertThat(Numbers.readings("1,000,000").evidence()).isEqualTo(DECIMAL_POINT);
        assertThat(Numbers.readings("1234").evidence()).isEqualTo(UNDECIDED);
        assertThat(Numbers.readings("1,234").ambiguous()).isTrue();
        assertThat(Numbers.readings("1.234").ambiguous()).isTrue();
        assertThat(Numbers.readings("1234").ambiguous()).isFalse();
    }

    @Test
    void eachConventionReadsItsOwnSeparators() {
        assertThat(Numbers.parse("1,234.50", DECIMAL_POINT)).isEqualByComparingTo("1234.5");
        assertThat(Numbers.parse("1.234,50", DECIMAL_COMMA)).isEqualByComparingTo("1234.5");
        assertThat(Numbers.parse("12,00", DECIMAL_COMMA)).isEqualByComparingTo("12");
        assertThat(Numbers.parse("1.234", DECIMAL_COMMA)).isEqualByComparingTo("1234");
        assertThat(Numbers.parse("1,234", DECIMAL_POINT)).isEqualByComparingTo("1234");
        assertThat(Numbers.parse("1,234", DECIMAL_COMMA)).isEqualByComparingTo("1.234");
    }

    @Test
    void currencySignsAndSpacesComeOff() {
        assertThat(Numbers.parse(" $1,234.50 ", DECIMAL_POINT)).isEqualByComparingTo("1234.50");
        assertThat(Numbers.parse("-$4.20", DECIMAL_POINT)).isEqualByComparingTo("-4.2");
        assertThat(Numbers.parse("$-4.20", DECIMAL_POINT)).isEqualByComparingTo("-4.2");
        assertThat(Numbers.parse("4,20 €", DECIMAL_COMMA)).isEqualByComparingTo("4.2");
        assertThat(Numbers.parse("£7", UNDECIDED)).isEqualByComparingTo("7");
    }

    @Test
    void anUndecidedFileReadsNeutralValuesAndRefusesAmbiguousOnes() {
        assertThat(Numbers.parse("1234", UNDECIDED)).isEqualByComparingTo(new BigDecimal(1234));
        assertThatThrownBy(() -> Numbers.parse("1,234", UNDECIDED)).isInstanceOf(CellRefused.class)
                .hasMessageStartingWith("'1,234' is ambiguous: 1234 or 1.234?");
        assertThatThrownBy(() -> Numbers.parse("1.234", UNDECIDED))
                .hasMessageStartingWith("'1.234' is ambiguous: 1.234 or 1234?");
    }

    @Test
    void whatIsNoNumberInEitherConventionIsRefused() {
        assertThatThrownBy(() -> Numbers.parse("12,34.5", DECIMAL_POINT)).hasMessageStartingWith("'12,34.5' is not a number");
        assertThatThrownBy(() -> Numbers.parse("1 234", UNDECIDED)).hasMessage("'1 234' is not a number");
        assertThatThrownBy(() -> Numbers.parse("4.2.1", DECIMAL_POINT)).hasMessageStartingWith("'4.2.1' is not a number");
        assertThatThrownBy(() -> Numbers.parse("$", UNDECIDED)).hasMessage("'$' is not a number");
        assertThatThrownBy(() -> Numbers.parse("1e5", UNDECIDED)).hasMessage("'1e5' is not a number");
    }

    /**
     * The digits-and-point shortcut agrees with the patterns on every text of up to 6 characters of a mixed alphabet
     * and up to 8 of digits and separators (long enough for a four-digit group before a three-digit fraction).
     */
    @Test
    void theShortcutReadsEveryTextAsThePatternsDo() {
        assertThat(agreeingTexts("0159.,$-", 6)).isEqualTo(299_592);
        assertThat(agreeingTexts("09.,", 8)).isEqualTo(87_380);
    }

    private static int agreeingTexts(String alphabet, int maxLength) {
        int checked = 0;
        for (int length = 1; length <= maxLength; length++) {
            var text = new char[length];
            for (long n = 0; n < Math.pow(alphabet.length(), length); n++) {
                long rest = n;
                for (int i = 0; i < length; i++) {
                    text[i] = alphabet.charAt((int) (rest % alphabet.length()));
                    rest /= alphabet.length();
                }
                String s = new String(text);
                assertThat(Numbers.readings(s)).as("'%s'", s).isEqualTo(Numbers.patternReadings(s));
                checked++;
            }
        }
        return checked;
    }
}
