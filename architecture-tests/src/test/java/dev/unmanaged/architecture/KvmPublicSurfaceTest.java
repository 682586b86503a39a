package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packages hypervisor-kvm exports are usable without libvirt or JAXB: no public method, constructor or field
 * of a public class there has a libvirt or JAXB type in its signature.
 */
class KvmPublicSurfaceTest {
    private static final String KVM_ROOT = "dev.unmanaged.kvm";
    private static final String KVM_MODULE = "dev.unmanaged.kvm";
    private static final Set<String> FORBIDDEN_PREFIXES = Set.of("org.libvirt.", "jakarta.xml.bind.", "com.sun.jna.");

    private static JavaClasses kvmClasses;
    private static Set<String> exportedPackages;

    @BeforeAll
    static void importKvm() throws IOException {
        kvmClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(KVM_ROOT);
        exportedPackages = PublicSurface.exportedPackagesOf(KVM_MODULE, KVM_ROOT);
    }

    @Test
    @DisplayName("the KVM provider's classes are on the class path, so the rule below checks something")
    void kvmClassesAreImported() {
        assertThat(kvmClasses).isNotEmpty();
        assertThat(exportedPackages).isNotEmpty();
        assertThat(kvmClasses.stream().filter(c -> exportedPackages.contains(c.getPackageName())))
                .anySatisfy(c -> assertThat(c.getModifiers()).contains(JavaModifier.PUBLIC));
    }

    @Test
    @DisplayName("the rule bites: a public method returning a libvirt type and a public JAXB field are reported")
    void ruleCatchesLeaks() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyApi.class);
        String fixturePackage = LeakyApi.class.getPackageName();

        assertThatThrownBy(() -> members()
                .that(PublicSurface.arePublicMembersOfPublicClassesIn(Set.of(fixturePackage)))
                .should(PublicSurface.exposeNoTypeFrom(FORBIDDEN_PREFIXES))
                .check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyApi.connection()").hasMessageContaining("org.libvirt.Connect")
                .hasMessageContaining("LeakyApi.context").hasMessageContaining("jakarta.xml.bind.JAXBContext")
                .hasMessageContaining("LeakyApi.domains() exposes [org.libvirt.Domain]").satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain("LeakyApi.hidden"));
    }

    /** A public API that leaks libvirt and JAXB types, to prove the rule reports them. */
    public static class LeakyApi {
        public jakarta.xml.bind.JAXBContext context;

        public org.libvirt.Connect connection() {
            return null;
        }

        public java.util.List<org.libvirt.Domain> domains() {
            return java.util.List.of();
        }

        org.libvirt.Connect hidden() {
            return null;
        }
    }

    @Test
    @DisplayName("no public member of an exported KVM package exposes a libvirt, JNA or JAXB type")
    void exportedSignaturesAreFreeOfLibvirtAndJaxb() {
        members()
                .that(PublicSurface.arePublicMembersOfPublicClassesIn(exportedPackages))
                .should(PublicSurface.exposeNoTypeFrom(FORBIDDEN_PREFIXES))
                .because("callers of hypervisor-kvm must not need libvirt-java or JAXB to use its API")
                .allowEmptyShould(false)
                .check(kvmClasses);
    }
}
