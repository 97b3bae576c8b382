package io.loadout.allocation;

import io.loadout.shared.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Amazon Standard Identification Number: ten upper-case letters or digits. */
public final class Asin {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]{10}");

    private Asin() {
    }

    /** The normalised ASIN (trimmed, upper case), or an invalid-input refusal naming {@code field}. */
    public static String require(String field, String value) {
        String asin = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(asin).matches()) {
            throw new DomainException.InvalidInput(field, "an ASIN is 10 letters or digits, got '" + value + "'");
        }
        return asin;
    }
}
