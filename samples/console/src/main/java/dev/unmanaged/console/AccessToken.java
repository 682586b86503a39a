package dev.unmanaged.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bearer token every changing call must carry ({@code Authorization: Bearer TOKEN}). It is compared in constant
 * time, and never shown by {@link #toString()}: only the server's start-up line prints it, once, for its user.
 */
public final class AccessToken {
    /** The environment variable a token may be read from instead of a fresh one being generated. */
    public static final String VARIABLE = "UNMANAGED_TOKEN";
    /** Long enough that a guess never succeeds; short enough to paste. */
    static final int MIN_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] value;

    private AccessToken(String value) {
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh random token of 256 bits. */
    public static AccessToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new AccessToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * The token {@code text}, e.g. read from {@value #VARIABLE}.
     *
     * @throws IllegalArgumentException when it is shorter than {@value #MIN_LENGTH} characters or holds characters
     *                                  an HTTP header cannot carry (its value is not repeated in the message)
     */
    public static AccessToken of(String text) {
        Objects.requireNonNull(text, "text");
        long unfit = text.chars().filter(c -> c <= 0x20 || c >= 0x7f).count();
        if (text.length() < MIN_LENGTH || unfit > 0) {
            throw new IllegalArgumentException("the token has " + text.length() + " characters"
                    + (unfit > 0 ? ", " + unfit + " of them blank or not printable ASCII" : "") + "; expected at least "
                    + MIN_LENGTH + " printable ASCII characters without blanks");
        }
        return new AccessToken(text);
    }

    /** The token from {@value #VARIABLE} when it is set and not empty, else a fresh one. */
    public static AccessToken fromEnvironmentOrGenerate() {
        String text = System.getenv(VARIABLE);
        return text == null || text.isEmpty() ? generate() : of(text);
    }

    /** The token itself, for the one place that shows it to its user. */
    public String reveal() {
        return new String(value, StandardCharsets.UTF_8);
    }

    /** True when {@code authorization} (an Authorization header, or null) is {@code Bearer} this token. */
    boolean admits(String authorization) {
        String prefix = "Bearer ";
        if (authorization == null || !authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        byte[] given = authorization.substring(prefix.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(value, given);
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
