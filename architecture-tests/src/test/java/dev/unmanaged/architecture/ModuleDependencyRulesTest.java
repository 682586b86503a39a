package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows between modules point one way: the api knows nothing but the JDK, the core knows the api and
 * SLF4J only, and libvirt and JAXB never leave the KVM provider.
 */
@AnalyzeClasses(packages = "dev.unmanaged", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyRulesTest {

    static final String API = "dev.unmanaged.api..";
    static final String CORE = "dev.unmanaged.core..";
    static final String KVM = "dev.unmanaged.kvm..";
    static final String LIBVIRT = "org.libvirt..";
    static final String JAXB = "jakarta.xml.bind..";
    static final String JNA = "com.sun.jna..";
    static final String JACKSON = "com.fasterxml.jackson..";

    @ArchTest
    static final ArchRule api_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(API)
            // JSpecify's nullness annotations are allowed: they are annotations only, not needed at run time.
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, "java..", "org.jspecify..")
            .because("the api is the contract every module and every embedder codes against; it must stay"
                    + " free of the modules built on it and of any library");

    @ArchTest
    static final ArchRule core_depends_only_on_api_and_slf4j = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, API, "org.slf4j..", "java..")
            .because("the workflows must run over any provider and any store, found through the SPIs");

    @ArchTest
    static final ArchRule core_knows_no_provider_kit_or_serialisation = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(KVM, "dev.unmanaged.tck..", "dev.unmanaged.json..",
                    JACKSON, LIBVIRT, JAXB, "jakarta.xml..", "javax.xml..")
            .because("providers plug in through ServiceLoader, and JSON is a separate module");

    @ArchTest
    static final ArchRule libvirt_and_jaxb_stay_inside_the_kvm_provider = noClasses()
            .that().resideOutsideOfPackage(KVM)
            .should().dependOnClassesThat().resideInAnyPackage(LIBVIRT, JAXB, JNA)
            .because("no libvirt, JNA or JAXB type may leave hypervisor-kvm");

    @ArchTest
    static final ArchRule no_jackson_in_api_or_core = noClasses()
            .that().resideInAnyPackage(API, CORE)
            .should().dependOnClassesThat().resideInAPackage(JACKSON)
            .because("serialisation lives in unmanaged-json; the records stay plain");

    @ArchTest
    static final ArchRule api_knows_no_other_module = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage(CORE, KVM, "dev.unmanaged.tck..",
                    "dev.unmanaged.json..", "dev.unmanaged.jdbc..", "dev.unmanaged.samples..")
            .because("the api is at the bottom of the module graph");
}
