package dev.unmanaged.api.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstanceUuidsTest {
    @Test
    @DisplayName("only the full 36-character form, in any case and with spaces around it, is a UUID; the rest are names")
    void readsOnlyTheFullForm() {
        UUID id = UUID.fromString("f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6");
        assertThat(InstanceUuids.parse(" F6A69FA7-83EB-5845-9AA3-6805E2E4E0A6 ")).contains(id);
        assertThat(InstanceUuids.parse("1-2-3-4-5")).isEmpty();
        assertThat(InstanceUuids.parse("web-01-web-01-web-01-web-01-web-0123")).isEmpty();
        assertThat(InstanceUuids.parse(null)).isEmpty();
    }
}
