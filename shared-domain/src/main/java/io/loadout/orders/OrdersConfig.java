package io.loadout.orders;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "loadout.orders")
public interface OrdersConfig {

    /**
     * The calling code (digits, no +) national phone numbers are read in, e.g. 44; without it only international
     * numbers are normalised to E.164 ({@link PhoneNumber}).
     */
    Optional<String> defaultCountryCode();
}
