package io.loadout.functions.ops;

import io.loadout.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;

/** Query-parameter parsing that fails with a 400 naming the parameter (JAX-RS would answer 404). */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.InvalidInput(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
