package dev.unmanaged.api.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text this library did not write: a hypervisor's or a database driver's error message, a
 * connection URI, a JDBC URL. Such text often quotes the line of a document that failed, and that line may hold a
 * console password; every message of someone else that reaches an exception, a log line or JSON passes through
 * {@link #redact(String)} first.
 *
 * <p>A secret word is {@code password}, {@code passwd}, {@code secret}, {@code key} or {@code token}, in any
 * letter case, alone or inside a longer name ({@code sslpassword}, {@code auth_token}). What is replaced by
 * {@value #MASK}:
 * <ul>
 *   <li>the value of an attribute or parameter whose name holds a secret word: {@code passwd='x'},
 *       {@code password="x"}, {@code PASSWORD=x;}, {@code sslpassword=x&}, {@code token: x};</li>
 *   <li>the content of an element whose name holds a secret word: {@code <passwd>x</passwd>};</li>
 *   <li>the password of a URI's user-info: {@code //user:x@host}, also when quoted without the {@code //}
 *       ({@code user:x@host}, as a JDBC driver names a host it could not resolve) or after a percent-encoded
 *       colon ({@code user%3Ax@host}); in any case the password of a text that is an address for which
 *       {@link UserInfo#holdsPassword(String)} is true;</li>
 *   <li>in a quoted fragment ({@code '…'} or {@code "…"}, or from an opening quote to the end of the line when
 *       the message cut the quote short), everything after a secret word up to the end of the fragment — because
 *       a quoted document line may hold the secret in a form none of the rules above recognises.</li>
 * </ul>
 * Redaction errs on the side of removing too much: an innocent value after the word {@code key} is masked too.
 */
public final class SecretRedaction {
    /** What a removed secret is replaced with. */
    public static final String MASK = "***";

    private static final String WORD = "(?:password|passwd|secret|key|token)";
    private static final String NAME = "[A-Za-z0-9_.:-]*" + WORD + "[A-Za-z0-9_.-]*";
    private static final Pattern QUOTED_ATTRIBUTE =
            Pattern.compile("(?i)(" + NAME + "\\s*[=:]\\s*)(['\"])(.*?)(\\2|$)", Pattern.MULTILINE);
    private static final Pattern BARE_ATTRIBUTE =
            Pattern.compile("(?i)(" + NAME + "\\s*[=:]\\s*)(?!['\"]|\\*\\*\\*)([^\\s&;,'\"<>)]+)");
    private static final Pattern ELEMENT =
            Pattern.compile("(?i)(<\\s*(" + NAME + ")(?:\\s[^>]*)?>)([^<]*)");
    /** A colon in a URI's user-info, written as such or percent-encoded: what comes after it is a password. */
    private static final String COLON = "(:|%3[Aa])";
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*?)" + COLON + "[^/@\\s]*@");
    /** {@code user:pw@host} without the {@code //}, as a driver quotes the host part of a URL it misread. */
    private static final Pattern BARE_USER_INFO = Pattern.compile(
            "((?:^|(?<=[\\s'\"(=]))[^/@:\\s'\"(=]+?)" + COLON + "(?!\\*\\*\\*@)[^/@\\s'\"]+@");
    private static final Pattern SECRET_WORD = Pattern.compile("(?i)" + WORD);
    private static final Pattern QUOTED_FRAGMENT = Pattern.compile("'[^'\\n]*('|$)|\"[^\"\\n]*(\"|$)",
            Pattern.MULTILINE);

    private SecretRedaction() {
    }

    /** {@code text} with every secret it quotes replaced by {@value #MASK}; null stays null. */
    public static @Nullable String redact(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = UserInfo.withPasswordMasked(text, MASK);
        result = USER_INFO.matcher(result).replaceAll("$1$2" + MASK + "@");
        result = BARE_USER_INFO.matcher(result).replaceAll("$1$2" + MASK + "@");
        result = QUOTED_ATTRIBUTE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(2) + MASK + m.group(4)));
        result = BARE_ATTRIBUTE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        result = ELEMENT.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(3).isEmpty() ? "" : MASK)));
        return redactQuotedFragments(result);
    }

    /** {@code throwable}'s message, redacted; its class name when it has none. */
    public static String messageOf(Throwable throwable) {
        String message = throwable.getMessage();
        return message == null ? throwable.getClass().getSimpleName() : redact(message);
    }

    private static boolean hasLetterOrDigit(String text) {
        return text.chars().anyMatch(Character::isLetterOrDigit);
    }

    private static String redactQuotedFragments(String text) {
        Matcher fragment = QUOTED_FRAGMENT.matcher(text);
        var out = new StringBuilder(text.length());
        int last = 0;
        while (fragment.find()) {
            String quoted = fragment.group();
            Matcher word = SECRET_WORD.matcher(quoted);
            if (!word.find()) {
                continue;
            }
            boolean closed = quoted.length() > 1 && quoted.charAt(quoted.length() - 1) == quoted.charAt(0);
            int end = closed ? quoted.length() - 1 : quoted.length();
            String after = quoted.substring(word.end(), end);
            if (!hasLetterOrDigit(after.replace(MASK, ""))) {
                continue;  // nothing after the word, or only what an earlier rule already masked
            }
            out.append(text, last, fragment.start())
                    .append(quoted, 0, word.end())
                    .append(' ').append(MASK)
                    .append(closed ? quoted.substring(quoted.length() - 1) : "");
            last = fragment.end();
        }
        if (last == 0) {
            return text;
        }
        return out.append(text, last, text.length()).toString();
    }
}
