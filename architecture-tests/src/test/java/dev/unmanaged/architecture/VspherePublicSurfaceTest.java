package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The package hypervisor-vsphere exports is usable without SOAP or JAXB: no public method, constructor or field of
 * a public class there has a JAXB type, a vim25 binding type or a SOAP message type in its signature, and the
 * module exports nothing else.
 */
@DisplayName("The vSphere provider's public surface")
class VspherePublicSurfaceTest {
    private static final String ROOT = "dev.unmanaged.vsphere";
    private static final Set<String> FORBIDDEN_PREFIXES = Set.of("jakarta.xml.bind.", "javax.xml.",
            "dev.unmanaged.vsphere.soap.", "dev.unmanaged.vsphere.vim.");

    private static JavaClasses vsphereClasses;
    private static Set<String> exportedPackages;

    @BeforeAll
    static void importVsphere() throws IOException {
        vsphereClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        exportedPackages = PublicSurface.exportedPackagesOf(ROOT, ROOT);
    }

    @Test
    @DisplayName("the module exports only its root package; the SOAP messages and the vim25 binding stay inside")
    void onlyTheRootPackageIsExported() {
        assertThat(vsphereClasses).isNotEmpty();
        assertThat(exportedPackages).containsExactly(ROOT);
    }

    @Test
    @DisplayName("the rule bites: a public method returning a vim25 type and a public JAXB field are reported")
    void ruleCatchesLeaks() {
        JavaClasses leaky = new ClassFileImporter().importClasses(LeakyVsphereApi.class);
        assertThatThrownBy(() -> members()
                .that(PublicSurface.arePublicMembersOfPublicClassesIn(Set.of(LeakyVsphereApi.class.getPackageName())))
                .should(PublicSurface.exposeNoTypeFrom(FORBIDDEN_PREFIXES))
                .check(leaky))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyVsphereApi.content()")
                .hasMessageContaining("dev.unmanaged.vsphere.vim.ServiceContent")
                .hasMessageContaining("LeakyVsphereApi.context").hasMessageContaining("jakarta.xml.bind.JAXBContext")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("LeakyVsphereApi.hidden"));
    }

    /** A public API that leaks vim25 and JAXB types, to prove the rule reports them. */
    public static class LeakyVsphereApi {
        public jakarta.xml.bind.JAXBContext context;

        public dev.unmanaged.vsphere.vim.ServiceContent content() {
            return null;
        }

        dev.unmanaged.vsphere.soap.SoapRequest hidden() {
            return null;
        }
    }

    @Test
    @DisplayName("no public member of the exported vSphere package exposes a JAXB, StAX, SOAP or vim25 type")
    void exportedSignaturesAreFreeOfSoapAndJaxb() {
        members()
                .that(PublicSurface.arePublicMembersOfPublicClassesIn(exportedPackages))
                .should(PublicSurface.exposeNoTypeFrom(FORBIDDEN_PREFIXES))
                .because("callers of hypervisor-vsphere must not need JAXB or the vim25 binding to use its API")
                .allowEmptyShould(false)
                .check(vsphereClasses);
    }
}
