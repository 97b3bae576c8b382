package io.loadout.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An API token secret: "ldt_" + 256 random bits, base64url. A token with 256 bits of entropy needs no slow hash:
 * SHA-256 makes the stored value useless to a reader of the database and keeps lookup a single index probe.
 */
public record TokenSecret(String value) {

    private static final String SCHEME = "ldt_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TokenSecret generate() {
        return generate(SCHEME);
    }

    /** A secret of another kind, told apart by its scheme (a buyer link's {@code lbl_}). */
    public static TokenSecret generate(String scheme) {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new TokenSecret(scheme + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Cheap shape check before any database work; rejects obvious garbage. */
    public static boolean looksValid(String candidate) {
        return looksValid(candidate, SCHEME);
    }

    public static boolean looksValid(String candidate, String scheme) {
        return candidate != null && candidate.startsWith(scheme) && candidate.length() == scheme.length() + 43
                && candidate.chars().skip(scheme.length()).allMatch(TokenSecret::base64Url);
    }

    private static boolean base64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The first characters, safe to show so people can tell their tokens apart. */
    public String prefix() {
        return value.substring(0, Math.min(value.length(), value.indexOf('_') + 7));
    }

    public byte[] hash() {
        return sha256(value);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return prefix() + "…";
    }
}
