package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.net.URL;
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
    private static final Set<String> FORBIDDEN_PREFIXES = Set.of("org.libvirt.", "jakarta.xml.bind.", "com.sun.jna.");

    private static JavaClasses kvmClasses;
    private static Set<String> exportedPackages;

    @BeforeAll
    static void importKvm() throws IOException {
        kvmClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(KVM_ROOT);
        exportedPackages = exportedPackagesOfKvm(kvmClasses);
    }

    @Test
    @DisplayName("the KVM provider's classes are on the class path, so the rule below checks something")
    void kvmClassesAreImported() {
        assertThat(kvmClasses).isNotEmpty();
        assertThat(exportedPackages).isNotEmpty();
    }

    @Test
    @DisplayName("no public member of an exported KVM package exposes a libvirt, JNA or JAXB type")
    void exportedSignaturesAreFreeOfLibvirtAndJaxb() {
        members()
                .that(arePublicMembersOfPublicClassesIn(exportedPackages))
                .should(exposeNoForbiddenType())
                .because("callers of hypervisor-kvm must not need libvirt-java or JAXB to use its API")
                .allowEmptyShould(true)
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
     * The packages the KVM module's descriptor exports. Before the module has a descriptor, its root package is
     * taken as its public API.
     */
    private static Set<String> exportedPackagesOfKvm(JavaClasses classes) throws IOException {
        JavaClass any = classes.stream().findFirst().orElseThrow(
                () -> new AssertionError("no class of " + KVM_ROOT + " on the class path"));
        URI classUri = any.getSource().orElseThrow().getUri();
        String classFile = any.getName().replace('.', '/') + ".class";
        String base = classUri.toString();
        URL descriptor = new URL(base.substring(0, base.length() - classFile.length()) + "module-info.class");
        try (InputStream in = descriptor.openStream()) {
            return ModuleDescriptor.read(in).exports().stream()
                    .filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (IOException notThere) {
            return Set.of(KVM_ROOT);
        }
    }
}
