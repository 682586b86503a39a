package dev.unmanaged.reliability.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.unmanaged.api.error.ImportRejectedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.inventory.ManagedInstance;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.api.operation.UnmanageResult;
import dev.unmanaged.reliability.support.CapturedLogs;
import dev.unmanaged.reliability.support.HostileValues;
import dev.unmanaged.reliability.support.HostileValues.Hostile;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.World;
import dev.unmanaged.tck.fake.InstanceDescriptors;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VMs whose names and disk paths hold spaces, quotes, {@code $()}, backticks, semicolons, newlines, unicode or
 * 1,000 characters are listed, imported and unmanaged with every character intact, through the core over the
 * reference provider, on the in-memory store and on the JDBC store on H2; every log line stays one line.
 */
@DisplayName("Hostile VM names and paths survive list, import and unmanage on the fakes and on H2")
class HostileNamesOnFakesTest {
    static Stream<Arguments> cases() {
        return Stream.of(Stores.Kind.values())
                .flatMap(kind -> HostileValues.NAMES.stream().map(name -> Arguments.of(kind, name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void listImportUnmanage(Stores.Kind kind, Hostile name) {
        CapturedLogs.clear();
        try (World world = World.open(kind)) {
            String path = HostileValues.diskPath(name);
            InstanceDescriptor vm = world.put(InstanceDescriptors.named(name.value())
                    .disk(InstanceDescriptors.fileDisk("vda", path, 10 * InstanceDescriptors.GIB))
                    .nic(InstanceDescriptors.freshMac().toUpperCase(), "br0 $(id)")
                    .build());

            InstanceListing listed = world.instances.list(ListQuery.of(world.host));
            assertThat(listed.instances()).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo(name.value());
                assertThat(d.disks()).extracting(DiskDescriptor::source).containsExactly(path);
            });
            assertThat(world.instances.describe(world.host, name.value()).uuid()).isEqualTo(vm.uuid());

            // Without a display name the instance name must be a host name: refused, typed, named.
            ImportRequest keepingName = ImportRequest.builder(world.host, name.value())
                    .owner("acme").offering("custom").build();
            ImportPlan refused = world.instances.plan(keepingName);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p.code()).isEqualTo(ProblemCode.NAME_INVALID));

            ImportRequest byName = world.importRequest(vm, 160);
            ImportRequest request = new ImportRequest(world.host, name.value(), byName.ownerId(), "hostile-vm",
                    byName.offeringId(), null, null, byName.templateId(), byName.networkByMac(), byName.ipByMac(),
                    byName.poolByDisk(), byName.diskOfferingByDisk(), byName.options());
            ImportResult imported = world.instances.importInstance(request);
            ManagedInstance record = world.store.delegate().find(vm.uuid()).orElseThrow();
            assertThat(record.name()).isEqualTo(name.value());
            assertThat(record.disks()).singleElement().satisfies(d -> assertThat(d.source()).isEqualTo(path));
            assertThat(imported.instance()).isEqualTo(record);
            assertThat(world.instances.list(ListQuery.of(world.host)).instances()).isEmpty();

            UnmanageResult released = world.instances.unmanage(new UnmanageRequest(name.value()));
            assertThat(released.released().name()).isEqualTo(name.value());
            assertThat(world.store.delegate().list()).isEmpty();
            assertThat(world.instances.list(ListQuery.of(world.host)).instances()).extracting(InstanceDescriptor::name)
                    .containsExactly(name.value());
        }
        assertThat(CapturedLogs.multiLineMessages()).as("log lines that span lines").isEmpty();
    }

    static Stream<Arguments> macs() {
        List<String> hostile = List.of("52:54:00:aa:bb:cc; touch /tmp/unmanaged-pwned",
                "52:54:00:aa:bb:cc\nINFO forged log line", "$(touch /tmp/unmanaged-pwned)", "`id`",
                "52 54 00 aa bb cc", "'52:54:00:aa:bb:cc'", "\"52:54:00:aa:bb:cc\"", "f".repeat(1_000),
                "52:54:00:äa:bb:cc");
        return Stream.of(Stores.Kind.values()).flatMap(kind -> hostile.stream().map(mac -> Arguments.of(kind, mac)));
    }

    @ParameterizedTest(name = "{0}: MAC {1}")
    @MethodSource("macs")
    @DisplayName("a NIC whose MAC is not a MAC is listed as it is and refused on import with a typed problem")
    void hostileMac(Stores.Kind kind, String mac) {
        CapturedLogs.clear();
        try (World world = World.open(kind)) {
            InstanceDescriptor vm = world.put(InstanceDescriptors.named("mac-vm").nic(mac, "br0").build());
            assertThat(world.instances.list(ListQuery.of(world.host)).instances()).singleElement()
                    .satisfies(d -> assertThat(d.nics()).extracting(n -> n.mac()).containsExactly(mac.toLowerCase()));
            String before = world.snapshot();
            ImportRequest request = world.importRequest(vm, null, "mac-vm");
            ImportRejectedException refused = catchThrowableOfType(ImportRejectedException.class,
                    () -> world.instances.importInstance(request));
            assertThat(refused).as("import of a NIC with MAC %s", mac).isNotNull();
            assertThat(refused.problems()).anySatisfy(p -> {
                assertThat(p.blocks()).isTrue();
                assertThat(p.subject()).startsWith("nic ");
                assertThat(p.subject() + p.message()).doesNotContain("\n");
            });
            assertThat(world.snapshot()).isEqualTo(before);
        }
        assertThat(CapturedLogs.multiLineMessages()).as("log lines that span lines").isEmpty();
    }
}
