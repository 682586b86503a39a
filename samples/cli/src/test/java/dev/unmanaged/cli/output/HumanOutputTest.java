package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HumanOutputTest {
    private static final String HOSTILE = "evil\nrow\rCR\u001b[31mESC\u009b2JCSI\u202eRLO\u2066LRI";

    @Test
    @DisplayName("whatever is printed, only println ends a line; controls, ESC, CSI and bidi come out as escapes")
    void escapesEveryValue() {
        var text = new StringWriter();
        PrintWriter out = HumanOutput.over(new PrintWriter(text));

        out.println("Name: " + HOSTILE);
        out.print(HOSTILE);
        out.print('\r');
        out.printf("%s%n", "x");
        out.println((Object) HOSTILE);
        out.write(HOSTILE.toCharArray());
        out.println();
        out.flush();

        String escaped = "evil\\nrow\\rCR\\u001b[31mESC\\u009b2JCSI\\u202eRLO\\u2066LRI";
        assertThat(text.toString().split(System.lineSeparator(), -1)).containsExactly(
                "Name: " + escaped, escaped + "\\rx\\n" + escaped, escaped, "");
    }

    @Test
    @DisplayName("wrapping twice escapes once: text already escaped is left as it is")
    void idempotent() {
        var text = new StringWriter();
        PrintWriter out = HumanOutput.over(HumanOutput.over(new PrintWriter(text)));

        out.println("a\nb");
        out.flush();

        assertThat(text.toString()).isEqualTo("a\\nb" + System.lineSeparator());
    }
}
