package dev.unmanaged.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The arrows between modules point one way. The api and hardened-xml know nothing but the JDK; every library module
 * knows the api and the libraries it wraps (the two providers also hardened-xml), and no other implementation; no library knows an application (the tool, the samples,
 * the benchmarks); and each wrapped library stays inside the module that wraps it: libvirt, JNA and JAXB (with one
 * class of its runtime) in hypervisor-kvm, JAXB in the two providers that read XML (and the vSphere provider's SOAP and vim25 types in
 * it), HikariCP, Flyway and H2 in inventory-jdbc, picocli in the tool, Jackson out of the api, the
 * core, the KVM provider and the kits; the in-memory fakes, which applications use, reach no test library; the web
 * console knows the facade, unmanaged-json and the JDK's HTTP server, and no provider or store.
 *
 * <p>Every rule refuses to pass on no classes ({@code allowEmptyShould(false)}): a rule naming a package that does
 * not exist fails instead of checking nothing. {@link ModuleRulesBiteTest} feeds each rule a class that breaks it.
 */
@AnalyzeClasses(packages = "dev.unmanaged", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependencyRulesTest {

    static final String API = "dev.unmanaged.api..";
    static final String API_INTERNAL = "dev.unmanaged.api.internal..";
    static final String CORE = "dev.unmanaged.core..";
    static final String JSON = "dev.unmanaged.json..";
    static final String XML = "dev.unmanaged.xml..";
    static final String KVM = "dev.unmanaged.kvm..";
    static final String VSPHERE = "dev.unmanaged.vsphere..";
    static final String VSPHERE_WIRE = "dev.unmanaged.vsphere.soap..";
    static final String VSPHERE_MODEL = "dev.unmanaged.vsphere.vim..";
    static final String TCK = "dev.unmanaged.tck..";
    static final String TCK_FAKES = "dev.unmanaged.tck.fake..";
    static final String JDBC = "dev.unmanaged.inventory.jdbc..";
    static final String CLI = "dev.unmanaged.cli..";
    static final String CONSOLE = "dev.unmanaged.console..";
    static final String SAMPLES = "dev.unmanaged.samples..";
    static final String BENCHMARKS = "dev.unmanaged.benchmarks..";

    static final String JDK = "java..";
    static final String SLF4J = "org.slf4j..";
    static final String LIBVIRT = "org.libvirt..";
    static final String JNA = "com.sun.jna..";
    static final String JAXB = "jakarta.xml.bind..";
    /** The JAXB runtime's own classes: hypervisor-kvm alone reaches one (its coordinator, see CoordinatorSlotHolder). */
    static final String JAXB_RUNTIME = "org.glassfish.jaxb..";
    static final String JACKSON = "com.fasterxml.jackson..";
    static final String HIKARI = "com.zaxxer.hikari..";
    static final String FLYWAY = "org.flywaydb..";
    static final String H2 = "org.h2..";
    static final String PICOCLI = "picocli..";

    @ArchTest
    static final ArchRule api_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(API)
            // JSpecify's nullness annotations are allowed: they are annotations only, not needed at run time.
            .should().onlyDependOnClassesThat().resideInAnyPackage(API, JDK, "org.jspecify..")
            .because("the api is the contract every module and every embedder codes against; it must stay"
                    + " free of the modules built on it and of any library")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule api_internals_stay_in_the_api = noClasses()
            .that().resideOutsideOfPackage(API)
            .should().dependOnClassesThat().resideInAPackage(API_INTERNAL)
            .because("dev.unmanaged.api.internal is not exported: it may change without notice")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule core_depends_only_on_api_and_slf4j = classes()
            .that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CORE, API, SLF4J, JDK)
            .because("the workflows must run over any provider and any store, found through the SPIs")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule json_depends_only_on_api_and_jackson = classes()
            .that().resideInAPackage(JSON)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JSON, API, JACKSON, JDK)
            .because("the JSON form is a view of the api's records, not of any implementation")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule hardened_xml_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage(XML)
            // JSpecify's nullness annotations are allowed: they are annotations only, not needed at run time.
            .should().onlyDependOnClassesThat().resideInAnyPackage(XML, JDK, "javax.xml..", "org.jspecify..")
            .because("the hardened XML reading is shared by the providers: it may know neither them nor the api,"
                    + " and brings no library with it")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule kvm_depends_only_on_api_libvirt_and_jaxb = classes()
            .that().resideInAPackage(KVM)
            .should().onlyDependOnClassesThat().resideInAnyPackage(KVM, API, XML, LIBVIRT, JNA, JAXB, JAXB_RUNTIME,
                    "javax.xml..", SLF4J, JDK)
            .because("a provider plugs into the core through the SPI and knows no other implementation")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule vsphere_depends_only_on_api_jaxb_and_the_jdk = classes()
            .that().resideInAPackage(VSPHERE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(VSPHERE, API, XML, JAXB, "javax.xml..",
                    "javax.net..", SLF4J, JDK, "org.jspecify..")
            .because("a provider plugs into the core through the SPI and knows no other implementation; it talks"
                    + " SOAP with the JDK's HTTP client")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule soap_and_vim25_types_stay_inside_the_vsphere_provider = noClasses()
            .that().resideOutsideOfPackage(VSPHERE)
            .should().dependOnClassesThat().resideInAnyPackage(VSPHERE_WIRE, VSPHERE_MODEL)
            .because("the SOAP messages and the vim25 binding are how hypervisor-vsphere works, not part of what"
                    + " it offers")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule kits_depend_only_on_api_and_test_libraries = classes()
            .that().resideInAPackage(TCK)
            .should().onlyDependOnClassesThat().resideInAnyPackage(TCK, API, "org.junit..", "org.assertj..",
                    "org.opentest4j..", JDK)
            .because("the kits test any provider or store against the SPI alone")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule fakes_use_no_test_library = noClasses()
            .that().resideInAPackage(TCK_FAKES)
            .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..",
                    "org.opentest4j..")
            .because("applications use the in-memory fakes without JUnit or AssertJ, which the kit declares"
                    + " optional; neither may be reached from a fake, not even through a kit class")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule jdbc_depends_only_on_api_and_its_database_libraries = classes()
            .that().resideInAPackage(JDBC)
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDBC, API, HIKARI, FLYWAY, H2, SLF4J,
                    JDK, "javax.sql..")
            .because("a store plugs into the core through the SPI; catalog files are read by unmanaged-json")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule libraries_know_no_application = noClasses()
            .that().resideInAnyPackage(API, XML, CORE, JSON, KVM, VSPHERE, TCK, JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, CONSOLE, SAMPLES, BENCHMARKS)
            .because("the tool, the samples and the benchmarks are built on the libraries, never the reverse")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule console_depends_only_on_the_facade_json_and_the_jdk_server = classes()
            .that().resideInAPackage(CONSOLE)
            .should().onlyDependOnClassesThat().resideInAnyPackage(CONSOLE, API, CORE, JSON, JACKSON, SLF4J, JDK,
                    "com.sun.net.httpserver..")
            .because("the console is a web face over the facade: the application that starts it chooses the"
                    + " providers and the store, and its JSON is unmanaged-json's")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule libvirt_jna_and_jaxb_stay_inside_the_kvm_provider = noClasses()
            .that().resideOutsideOfPackages(KVM, BENCHMARKS, VSPHERE)
            .should().dependOnClassesThat().resideInAnyPackage(LIBVIRT, JNA, JAXB, JAXB_RUNTIME)
            .because("no libvirt, JNA or JAXB type may leave hypervisor-kvm (the benchmarks alone call libvirt"
                    + " directly, to measure the provider against it); hypervisor-vsphere binds vim25 with JAXB of"
                    + " its own")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule database_libraries_stay_inside_the_jdbc_store = noClasses()
            .that().resideOutsideOfPackage(JDBC)
            .should().dependOnClassesThat().resideInAnyPackage(HIKARI, FLYWAY, H2)
            .because("HikariCP, Flyway and H2 are how inventory-jdbc works, not part of what it offers")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule picocli_stays_inside_the_tool = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(PICOCLI)
            .because("picocli parses the tool's command line and nothing else")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule no_jackson_in_api_core_kvm_kits_or_store = noClasses()
            .that().resideInAnyPackage(API, CORE, KVM, VSPHERE, TCK, JDBC)
            .should().dependOnClassesThat().resideInAPackage(JACKSON)
            .because("serialisation lives in unmanaged-json; the records stay plain")
            .allowEmptyShould(false);
}
