package io.loadout.local.hostile;

import java.util.List;

/** Bad values for query parameters and path ids, already URL-encoded (so {@code %00} reaches the server as NUL). */
final class ParamMutations {

    private ParamMutations() {
    }

    static final List<String> QUERY = List.of("", "%00", "a%00b", "abc", "0", "-1", "1.5", "1.999",
            "99999999999999999999", "9223372036854775808", "-9223372036854775809", "1e400", "%2B999999-01-01T00%3A00%3A00Z",
            "-999999-01-01T00%3A00%3A00Z", "%ED%A0%80", "%FF%FE", "%25", "true", "NOPE", "%20", "a".repeat(3000));

    static final List<String> PATH_ID = List.of("0", "-1", "1.5", "99999999999999999999", "9223372036854775808",
            "%00", "abc", "1e3", "%20", "..%2F..%2Fetc%2Fpasswd", "%ED%A0%80", "1%00");

    /** The mutation's label in reports: long values shortened. */
    static String label(String value) {
        return value.length() > 24 ? value.substring(0, 8) + "…(" + value.length() + " chars)" : "'" + value + "'";
    }
}
