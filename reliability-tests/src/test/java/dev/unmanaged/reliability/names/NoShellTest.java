package dev.unmanaged.reliability.names;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.unmanaged.kvm.KvmInstanceProvider;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.libvirt.Domain;

/**
 * Static checks over the bytecode of every library module (api, core, json, kvm, tck, inventory-jdbc, as the
 * jars on this module's class path): no shell or process is ever started, and only the unmanage preparation
 * code reads a domain's secure definition.
 */
@DisplayName("No library code starts a process, and only unmanage preparation asks for the secure XML")
class NoShellTest {
    private static final List<String> LIBRARY_PACKAGES = List.of("dev.unmanaged.api", "dev.unmanaged.core",
            "dev.unmanaged.json", "dev.unmanaged.kvm", "dev.unmanaged.tck", "dev.unmanaged.inventory.jdbc");
    private static JavaClasses library;

    @BeforeAll
    static void importLibrary() {
        library = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(LIBRARY_PACKAGES);
        for (String pkg : LIBRARY_PACKAGES) {
            assertThat(library.stream().filter(c -> c.getPackageName().startsWith(pkg)).count())
                    .as("classes of %s checked", pkg).isPositive();
        }
        System.out.println("no-shell: " + library.size() + " library classes checked");
    }

    @Test
    @DisplayName("no library class uses ProcessBuilder, Process or ProcessHandle, or calls Runtime.exec")
    void noProcessIsStarted() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class,
                        ProcessHandle.class)
                .orShould().callMethodWhere(DescribedPredicate.describe("Runtime.exec(..)",
                        (JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(Runtime.class)
                                && call.getName().equals("exec")))
                .because("values from hosts (names, paths, MACs) must never reach a shell")
                .check(library);
    }

    @Test
    @DisplayName("only the unmanage preparation (in KvmInstanceProvider) reads VIR_DOMAIN_XML_SECURE")
    void onlyUnmanagePreparationAsksForTheSecureDefinition() {
        noClasses().that().doNotHaveFullyQualifiedName(KvmInstanceProvider.class.getName())
                .should().accessField(Domain.XMLFlags.class, "SECURE")
                .because("listing and describing must never harvest graphics passwords")
                .check(library);
        assertThat(library.get(KvmInstanceProvider.class).getFieldAccessesFromSelf())
                .as("the preparation does ask for it (or this rule checks nothing)")
                .anyMatch(a -> a.getTarget().getName().equals("SECURE")
                        && a.getTargetOwner().isEquivalentTo(Domain.XMLFlags.class));
    }
}
