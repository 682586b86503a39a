package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The redacting standard error")
class RedactingStreamTest {
    @Test
    @DisplayName("masks a secret even when it reaches the stream in pieces, and keeps every other character")
    void redactsWholeLines() {
        var target = new ByteArrayOutputStream();
        PrintStream err = RedactingStream.over(new PrintStream(target, true, StandardCharsets.UTF_8));

        err.print("Failed to get driver for jdbc:postgresql://db/x?pass");
        err.print("word=hunter");
        err.println("2&ssl=true");
        err.print("no newline yet, café");
        err.flush();

        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(
                "Failed to get driver for jdbc:postgresql://db/x?password=***&ssl=true" + System.lineSeparator()
                        + "no newline yet, café");
        assertThat(RedactingStream.over(err)).isSameAs(err);
    }
}
