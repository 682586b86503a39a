package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
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
        exportedPackages = exportedPackagesOfKvm();
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
                .that(arePublicMembersOfPublicClassesIn(Set.of(fixturePackage)))
                .should(exposeNoForbiddenType())
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
                .that(arePublicMembersOfPublicClassesIn(exportedPackages))
                .should(exposeNoForbiddenType())
                .because("callers of hypervisor-kvm must not need libvirt-java or JAXB to use its API")
                .allowEmptyShould(false)
                .check(kvmClasses);
    }

    private static DescribedPredicate<JavaMember> arePublicMembersOfPublicClassesIn(Set<String> packages) {
        return DescribedPredicate.describe("are public members of public classes in exported packages " + packages,
                member -> member.getModifiers().contains(JavaModifier.PUBLIC)
                        && member.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                        && packages.contains(member.getOwner().getPackageName()));
    }

    private static ArchCondition<JavaMember> exposeNoForbiddenType() {
        return new ArchCondition<>("expose no libvirt, JNA or JAXB type") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> exposed = new LinkedHashSet<>();
                if (member instanceof JavaField field) {
                    exposed.addAll(field.getType().getAllInvolvedRawTypes());
                } else if (member instanceof JavaCodeUnit code) {
                    exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
                    code.getParameterTypes().forEach(t -> exposed.addAll(t.getAllInvolvedRawTypes()));
                    code.getExceptionTypes().forEach(t -> exposed.addAll(t.getAllInvolvedRawTypes()));
                }
                Set<String> forbidden = exposed.stream().map(JavaClass::getName)
                        .filter(name -> FORBIDDEN_PREFIXES.stream().anyMatch(name::startsWith))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
                if (!forbidden.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(member,
                            member.getFullName() + " exposes " + forbidden + " in " + member.getSourceCodeLocation()));
                }
            }
        };
    }

    /**
     * The packages the KVM module's descriptor exports without qualification. Before the module has a
     * descriptor, its root package is taken as its public API.
     */
    private static Set<String> exportedPackagesOfKvm() throws IOException {
        Enumeration<URL> descriptors = KvmPublicSurfaceTest.class.getClassLoader().getResources("module-info.class");
        while (descriptors.hasMoreElements()) {
            try (InputStream in = descriptors.nextElement().openStream()) {
                ModuleDescriptor descriptor = ModuleDescriptor.read(in);
                if (descriptor.name().equals(KVM_MODULE)) {
                    return descriptor.exports().stream()
                            .filter(e -> !e.isQualified())
                            .map(ModuleDescriptor.Exports::source)
                            .collect(Collectors.toCollection(LinkedHashSet::new));
                }
            }
        }
        return Set.of(KVM_ROOT);
    }
}
