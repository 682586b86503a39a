package dev.unmanaged.api.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.error.InvalidRequestException;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnmanageRequestTest {
    private static final UUID ID = UUID.fromString("f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6");

    @Test
    @DisplayName("typed text is a UUID when it is one in its full form, in any letter case, and a name otherwise")
    void parses() {
        assertThat(UnmanageRequest.parse(" F6A69FA7-83EB-5845-9AA3-6805E2E4E0A6 ").uuid()).isEqualTo(ID);
        assertThat(UnmanageRequest.parse("1-2-3-4-5").name()).isEqualTo("1-2-3-4-5");
        assertThat(UnmanageRequest.parse("web-01")).isEqualTo(UnmanageRequest.named("web-01"));
        assertThat(UnmanageRequest.of(ID).instance()).isEqualTo(ID.toString());
    }

    @Test
    @DisplayName("a request names its instance exactly once, and a blank name or host is refused naming the field")
    void refusesIncompleteRequests() {
        assertThatThrownBy(() -> new UnmanageRequest(null, null, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("instance");
        assertThatThrownBy(() -> new UnmanageRequest(ID, "web", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> UnmanageRequest.named(" ")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> UnmanageRequest.of(ID).onHost("")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("host");
    }

    @Test
    @DisplayName("scoping to a host keeps how the instance is named")
    void scopes() {
        UnmanageRequest scoped = UnmanageRequest.of(ID).onHost("kvm-7");
        assertThat(scoped.uuid()).isEqualTo(ID);
        assertThat(scoped.hostId()).isEqualTo("kvm-7");
    }
}
