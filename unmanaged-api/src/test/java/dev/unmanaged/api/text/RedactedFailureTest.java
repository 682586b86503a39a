package dev.unmanaged.api.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A redacted copy of someone else's exception")
class RedactedFailureTest {
    @Test
    @DisplayName("keeps class names and stack traces and masks the secrets of every message in the chain")
    void redactsTheChain() {
        var root = new IllegalArgumentException("password=hunter2");
        var failure = new IllegalStateException("line 3: <graphics passwd='hunter2'/>", root);

        RedactedFailure copy = RedactedFailure.of(failure);
        var trace = new StringWriter();
        copy.printStackTrace(new PrintWriter(trace));

        assertThat(copy).hasMessage("java.lang.IllegalStateException: line 3: <graphics passwd='***'/>");
        assertThat(copy.getCause()).hasMessage("java.lang.IllegalArgumentException: password=***");
        assertThat(copy.getStackTrace()).isEqualTo(failure.getStackTrace());
        assertThat(trace.toString()).doesNotContain("hunter2").contains("RedactedFailureTest.redactsTheChain");
        assertThat(RedactedFailure.of(null)).isNull();
    }
}
