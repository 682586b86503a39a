package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorOutputTest {
    @Test
    @DisplayName("an error is one line: the message escaped, cut after 1,000 characters, the hint kept whole")
    void oneEscapedLine() {
        var text = new StringWriter();

        ErrorOutput.print(new PrintWriter(text), "no instance '" + "\u001b[2J\n".repeat(50_000) + "'", " (hint)");

        String line = text.toString();
        assertThat(line.lines()).hasSize(1);
        assertThat(line).startsWith("error: no instance '\\u001b[2J\\n").endsWith("...(250014 chars) (hint)"
                + System.lineSeparator()).doesNotContain("\u001b");
        assertThat(line.length()).isLessThan(ErrorOutput.MAX_MESSAGE_LENGTH * 6 + 100);
    }

    @Test
    @DisplayName("a stack trace keeps its lines, but a message in it cannot drive the terminal")
    void stackTraceEscaped() {
        var text = new StringWriter();

        ErrorOutput.printStackTrace(new PrintWriter(text), new IllegalStateException("bad \u001b[31m\u202e name"));

        assertThat(text.toString()).contains("bad \\u001b[31m\\u202e name", "\tat ")
                .doesNotContain("\u001b", "\u202e");
    }
}
