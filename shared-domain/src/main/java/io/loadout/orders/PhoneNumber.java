package io.loadout.orders;

import io.loadout.shared.DomainException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's phone as entered (trimmed) and, where it can be read without guessing, in E.164 ({@code +} country
 * code and number, 8 to 15 digits). Readable: an international number ({@code +44 20 7946 0958},
 * {@code 0044 20 7946 0958}), or a national one when the seller has a default country code (its trunk 0 dropped:
 * {@code 020 7946 0958} with 44). A national number without a default stays unnormalised rather than being given
 * a country it may not have. Letters or no digits at all are refused: that is not a phone number.
 */
public record PhoneNumber(String entered, Optional<String> e164) {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-/]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern COUNTRY_CODE = Pattern.compile("[1-9][0-9]{0,2}");
    /** E.164 allows 15 digits after the +; fewer than 8 is no real subscriber number with its country code. */
    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_ENTERED = 40;

    /** {@code defaultCountryCode}: the seller's calling code without + (e.g. "44"), or empty. */
    public static PhoneNumber parse(String field, String entered, Optional<String> defaultCountryCode) {
        String trimmed = entered.strip();
        if (trimmed.length() > MAX_ENTERED) {
            throw new DomainException.InvalidInput(field, "a phone number has at most " + MAX_ENTERED + " characters");
        }
        String compact = SEPARATORS.matcher(trimmed).replaceAll("");
        boolean international = compact.startsWith("+") || compact.startsWith("00");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact.startsWith("00") ? compact.substring(2) : compact;
        if (!DIGITS.matcher(digits).matches()) {
            throw new DomainException.InvalidInput(field, "'" + trimmed + "' is not a phone number: only digits, spaces,"
                    + " + ( ) . - / are allowed");
        }
        if (international) {
            return new PhoneNumber(trimmed, e164(digits));
        }
        return new PhoneNumber(trimmed, defaultCountryCode.map(code -> {
            if (!COUNTRY_CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("default country code " + code + " is not 1-3 digits");
            }
            return code + (digits.startsWith("0") ? digits.substring(1) : digits);
        }).flatMap(PhoneNumber::e164));
    }

    private static Optional<String> e164(String digits) {
        boolean plausible = digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && digits.charAt(0) != '0';
        return plausible ? Optional.of("+" + digits) : Optional.empty();
    }
}
