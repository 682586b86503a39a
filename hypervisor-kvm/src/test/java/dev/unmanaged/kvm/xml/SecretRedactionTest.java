package dev.unmanaged.kvm.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.json.UnmanagedJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LocationAwareLogger;

/**
 * No secret of any corpus file (a {@code SENTINEL-} value, a graphics {@code passwd}, an {@code <auth>} username)
 * appears in a descriptor's {@code toString()}, its JSON in the public contract form ({@link UnmanagedJson}), an
 * exception's message or JSON, or a log line written while parsing.
 */
class SecretRedactionTest {
    static {
        // Parser logging at debug, so that the captured log lines include everything it could say.
        System.setProperty("org.slf4j.simpleLogger.log.dev.unmanaged.kvm.xml", "debug");
    }

    /** Attributes whose values are secret: graphics passwords, and the usernames of disk {@code <auth>}. */
    private static final Pattern SECRET = Pattern.compile("(passwd|<auth\\b[^>]*?\\busername)\\s*=\\s*(['\"])(.*?)\\2");
    private static final String REPLACEMENT = "REPLACED-SECRET-7f3e";

    private final DomainXmlParser parser = DomainXmlParser.shared();
    private PrintStream originalErr;
    private ByteArrayOutputStream captured;

    private static Integer levelBefore;

    /**
     * The parser's logger may have been created (at the default level) by an earlier test class in the same
     * JVM, before the property above could apply; then its level is raised here, so that every run captures
     * the debug lines.
     */
    @BeforeAll
    static void parserLogsAtDebug() throws ReflectiveOperationException {
        Logger logger = LoggerFactory.getLogger(DomainXmlParser.class);
        if (!logger.isDebugEnabled()) {
            Field level = logger.getClass().getDeclaredField("currentLogLevel");
            level.setAccessible(true);
            levelBefore = level.getInt(logger);
            level.setInt(logger, LocationAwareLogger.DEBUG_INT);
        }
        assertThat(logger.isDebugEnabled()).as("parser debug logging").isTrue();
    }

    @AfterAll
    static void restoreLevel() throws ReflectiveOperationException {
        if (levelBefore != null) {
            Logger logger = LoggerFactory.getLogger(DomainXmlParser.class);
            Field level = logger.getClass().getDeclaredField("currentLogLevel");
            level.setAccessible(true);
            level.setInt(logger, levelBefore);
        }
    }

    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLogs() {
        System.setErr(originalErr);
    }

    /** Every corpus document that holds a password or a sentinel secret. */
    static Stream<Path> documentsWithSecrets() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Corpus.root())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (text.contains("SENTINEL-") || SECRET.matcher(text).find()) {
                    found.add(file);
                }
            }
        }
        return found.stream();
    }

    @Test
    @DisplayName("the corpus has documents with passwords and sentinels to check")
    void thereAreSecretsToCheck() throws IOException {
        assertThat(documentsWithSecrets().count()).isGreaterThan(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsWithSecrets")
    @DisplayName("no password or auth username reaches toString, JSON, an exception message or a log line")
    void secretsNeverLeak(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String output = everythingSaidAbout(parser, file);
        assertThat(output).doesNotContain("SENTINEL-");

        Set<String> secrets = secrets(text);
        if (secrets.isEmpty()) {
            return;
        }
        // Short secrets such as "pass" also occur in field names, so compare with the same document whose
        // secrets were replaced: a secret may only appear as often as it does without it.
        Path replaced = Files.createTempFile("redaction", ".xml");
        try {
            String withoutSecrets = SECRET.matcher(text).replaceAll("$1='" + REPLACEMENT + "'");
            Files.write(replaced, withoutSecrets.getBytes(StandardCharsets.ISO_8859_1));
            String control = everythingSaidAbout(parser, replaced).replace(replaced.toString(), file.toString());
            assertThat(control).doesNotContain(REPLACEMENT);
            for (String secret : secrets) {
                assertThat(occurrences(output, secret)).as("occurrences of secret '%s'", secret)
                        .isEqualTo(occurrences(control, secret));
                // A username may also be written as a plain value (e.g. the rbd pool "cloudstack"), which may show.
                if (secret.length() >= 6 && !"password".contains(secret) && !withoutSecrets.contains(secret)) {
                    assertThat(output).doesNotContain(secret);
                }
            }
        } finally {
            Files.delete(replaced);
        }
    }

    @Test
    @DisplayName("a password is only shown as set")
    void passwordShownAsSet() throws IOException {
        Path vnc = Corpus.root().resolve("bad/secret-graphics-vnc-passwd.xml");
        InstanceDescriptor descriptor = parser.parse(vnc);
        assertThat(descriptor.graphics()).singleElement().satisfies(g -> assertThat(g.passwordSet()).isTrue());
        assertThat(UnmanagedJson.toJson(descriptor)).contains("\"passwordSet\":true")
                .doesNotContain("SENTINEL-");
    }

    @Test
    @DisplayName("the parser's debug log lines are captured by this test")
    void logsAreCaptured() throws IOException {
        everythingSaidAbout(parser, Corpus.root().resolve("bad/secret-in-error-path.xml"));
        everythingSaidAbout(parser, Corpus.root().resolve("bad/secret-graphics-vnc-passwd.xml"));
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).contains("Refused domain XML").contains("<memory>").contains("bad-input-sample")
                .doesNotContain("SENTINEL-");
    }

    /**
     * toString and contract JSON of the descriptor (or the exception's message, toString and JSON), plus the log
     * lines written meanwhile.
     */
    private String everythingSaidAbout(DomainXmlParser parser, Path file) {
        int logStart = captured.size();
        StringBuilder said = new StringBuilder();
        try {
            InstanceDescriptor descriptor = parser.parse(file);
            said.append(descriptor).append('\n').append(UnmanagedJson.toJson(descriptor)).append('\n');
        } catch (DomainXmlException e) {
            said.append(e.getMessage()).append('\n').append(e).append('\n').append(UnmanagedJson.toJson(e)).append('\n');
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                said.append(cause.getMessage()).append('\n');
            }
        }
        System.err.flush();
        byte[] logs = captured.toByteArray();
        said.append(new String(logs, logStart, logs.length - logStart, StandardCharsets.UTF_8));
        return said.toString();
    }

    private static Set<String> secrets(String text) {
        Set<String> secrets = new LinkedHashSet<>();
        Matcher matcher = SECRET.matcher(text);
        while (matcher.find()) {
            if (!matcher.group(3).isEmpty()) {
                secrets.add(matcher.group(3));
            }
        }
        return secrets;
    }

    private static int occurrences(String text, String value) {
        int count = 0;
        for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
            count++;
        }
        return count;
    }
}
