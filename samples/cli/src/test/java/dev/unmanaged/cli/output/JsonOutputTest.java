package dev.unmanaged.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonOutputTest {
    @Test
    @DisplayName("JSON keeps the exact value, with every character a terminal acts on written as an escape")
    void exactAndTerminalSafe() throws Exception {
        String name = "a\nb\rc\u001b[31md\u009b2Je\u202ef\u2066g\u2069h\u007f Zürich 数据库";
        var text = new StringWriter();

        JsonOutput.print(new PrintWriter(text), Map.of("name", name));

        String json = text.toString();
        assertThat(json).contains("\\u009b", "\\u202e", "\\u2066", "\\u007f", "Zürich 数据库")
                .doesNotContain("\u001b", "\u009b", "\u202e", "\u2066", "\u007f", "\r");
        assertThat(new ObjectMapper().readTree(json).get("name").asText()).isEqualTo(name);
    }
}
