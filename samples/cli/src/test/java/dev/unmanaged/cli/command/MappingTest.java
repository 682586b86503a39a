package dev.unmanaged.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.unmanaged.api.operation.IpAssignment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MappingTest {
    @Test
    @DisplayName("DEVICE=VALUE names one device; a bare VALUE is for every device not named")
    void parsesNamedAndDefaultValues() {
        Mapping mapping = Mapping.parse("--network", List.of("52:54:00:1a:02:01=prod", "guest"));

        assertThat(mapping.byDevice()).isEqualTo(Map.of("52:54:00:1a:02:01", "prod"));
        assertThat(mapping.forAll()).isEqualTo("guest");
        assertThat(mapping.needsDevices()).isTrue();
    }

    @Test
    @DisplayName("two values for one device, or two values for every device, are refused naming both")
    void refusesContradictions() {
        assertThatThrownBy(() -> Mapping.parse("--pool", List.of("vda=a", "vda=b")))
                .hasMessageContaining("--pool").hasMessageContaining("'a'").hasMessageContaining("'b'");
        assertThatThrownBy(() -> Mapping.parse("--network", List.of("guest", "prod")))
                .hasMessageContaining("'guest'").hasMessageContaining("'prod'");
        assertThatThrownBy(() -> Mapping.parse("--ip", List.of("52:54:00:00:00:01=")))
                .hasMessageContaining("--ip").hasMessageContaining("DEVICE=VALUE");
    }

    @Test
    @DisplayName("a malformed address is refused naming where it was given, the value and what was expected")
    void refusesMalformedValuesNamingWhereTheyWereGiven() {
        Mapping forAll = Mapping.parse("--ip", List.of("10.20.0.999"));
        assertThatThrownBy(() -> forAll.requireValid("--ip", mac -> "--ip", IpAssignment::parse))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("--ip: found '10.20.0.999', expected an IPv4 address");

        Mapping named = Mapping.parse("ips", List.of("52:54:00:1a:01:01=auto", "52:54:00:1a:01:02=ten.0.0.1"));
        assertThatThrownBy(() -> named.requireValid("plan: imports[0].ip", mac -> "plan: imports[0].ips." + mac,
                IpAssignment::parse))
                .hasMessageStartingWith("plan: imports[0].ips.52:54:00:1a:01:02: found 'ten.0.0.1'");

        Mapping valid = Mapping.parse("--ip", List.of("auto", "52:54:00:1a:01:01=10.20.0.9"));
        assertThat(valid.requireValid("--ip", mac -> "--ip", IpAssignment::parse)).isSameAs(valid);
    }

    @Test
    @DisplayName("a more specific source wins, device by device")
    void layersOverAFallback() {
        Mapping item = Mapping.parse("networks", List.of("aa=prod"));
        Mapping defaults = Mapping.parse("network", List.of("aa=lab", "bb=lab", "guest"));

        Mapping merged = item.orElse(defaults);

        assertThat(merged.byDevice()).isEqualTo(Map.of("aa", "prod", "bb", "lab"));
        assertThat(merged.forAll()).isEqualTo("guest");
    }
}
