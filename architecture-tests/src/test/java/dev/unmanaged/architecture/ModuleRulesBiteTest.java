package dev.unmanaged.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.unmanaged.api.archfixture.ApiReachingIntoCore;
import dev.unmanaged.console.archfixture.ConsoleReachingIntoKvm;
import dev.unmanaged.core.archfixture.CoreReachingIntoJackson;
import dev.unmanaged.inventory.jdbc.archfixture.StoreReachingIntoCore;
import dev.unmanaged.json.archfixture.JsonReachingIntoCore;
import dev.unmanaged.kvm.archfixture.KvmReachingIntoOtherModules;
import dev.unmanaged.samples.embedding.archfixture.EmbedderReachingIntoImplementations;
import dev.unmanaged.tck.archfixture.KitReachingIntoKvm;
import dev.unmanaged.tck.fake.archfixture.FakeAssertingWithJUnit;
import dev.unmanaged.vsphere.archfixture.VsphereReachingIntoKvm;
import dev.unmanaged.xml.archfixture.XmlReachingIntoApi;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules are only worth having if they fail when someone breaks an arrow. Each case feeds a rule a
 * deliberately wrong class from the test sources and checks the rule reports that class and the type it must not
 * use; the shipped classes must still pass the same rules, and a rule given no class to check fails.
 */
@DisplayName("The module rules fail code that breaks an arrow")
class ModuleRulesBiteTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                bites("api_depends_on_nothing_but_the_jdk", ApiReachingIntoCore.class,
                        "dev.unmanaged.core.UnmanagedInstances"),
                bites("api_internals_stay_in_the_api", EmbedderReachingIntoImplementations.class,
                        "dev.unmanaged.api.internal.Copies"),
                bites("core_depends_only_on_api_and_slf4j", CoreReachingIntoJackson.class,
                        "com.fasterxml.jackson.databind.ObjectMapper"),
                bites("json_depends_only_on_api_and_jackson", JsonReachingIntoCore.class,
                        "dev.unmanaged.core.UnmanagedInstances"),
                bites("hardened_xml_depends_on_nothing_but_the_jdk", XmlReachingIntoApi.class,
                        "dev.unmanaged.api.text.SafeText"),
                bites("kvm_depends_only_on_api_libvirt_and_jaxb", KvmReachingIntoOtherModules.class,
                        "dev.unmanaged.inventory.jdbc.JdbcInventoryStore"),
                bites("vsphere_depends_only_on_api_jaxb_and_the_jdk", VsphereReachingIntoKvm.class,
                        "dev.unmanaged.kvm.KvmInstanceProvider"),
                bites("soap_and_vim25_types_stay_inside_the_vsphere_provider", EmbedderReachingIntoImplementations.class,
                        "dev.unmanaged.vsphere.vim.ManagedObjectReference"),
                bites("kits_depend_only_on_api_and_test_libraries", KitReachingIntoKvm.class,
                        "dev.unmanaged.kvm.KvmInstanceProvider"),
                bites("fakes_use_no_test_library", FakeAssertingWithJUnit.class,
                        "org.junit.jupiter.api.Assertions"),
                bites("jdbc_depends_only_on_api_and_its_database_libraries", StoreReachingIntoCore.class,
                        "dev.unmanaged.core.UnmanagedInstances"),
                bites("libraries_know_no_application", KvmReachingIntoOtherModules.class,
                        "dev.unmanaged.cli.UnmanagedCli"),
                bites("console_depends_only_on_the_facade_json_and_the_jdk_server", ConsoleReachingIntoKvm.class,
                        "dev.unmanaged.kvm.KvmInstanceProvider"),
                bites("libvirt_jna_and_jaxb_stay_inside_the_kvm_provider", EmbedderReachingIntoImplementations.class,
                        "org.libvirt.Connect"),
                bites("database_libraries_stay_inside_the_jdbc_store", EmbedderReachingIntoImplementations.class,
                        "com.zaxxer.hikari.HikariDataSource"),
                bites("picocli_stays_inside_the_tool", EmbedderReachingIntoImplementations.class,
                        "picocli.CommandLine"),
                bites("no_jackson_in_api_core_kvm_kits_or_store", KvmReachingIntoOtherModules.class,
                        "com.fasterxml.jackson.databind.ObjectMapper"));
    }

    private static Arguments bites(String rule, Class<?> wrong, String forbiddenType) {
        return Arguments.of(rule, wrong, forbiddenType);
    }

    @ParameterizedTest(name = "{0} reports {1}")
    @MethodSource("violations")
    @DisplayName("each rule reports a class that breaks it, naming the class and the type it must not use")
    void ruleReportsTheWrongClass(String ruleName, Class<?> wrong, String forbiddenType) {
        ArchRule rule = rule(ruleName);
        JavaClasses wrongClasses = new ClassFileImporter().importClasses(wrong);

        assertThatThrownBy(() -> rule.check(wrongClasses)).as("rule: %s", rule.getDescription())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(wrong.getName())
                .hasMessageContaining(forbiddenType);
    }

    @Test
    @DisplayName("every rule of ModuleDependencyRulesTest has a class here that breaks it")
    void everyRuleIsBitten() {
        Set<String> bitten = violations().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        assertThat(ruleNames()).isNotEmpty().allSatisfy(name -> assertThat(bitten).as("rules with a violation")
                .contains(name));
    }

    @Test
    @DisplayName("a rule whose classes are not there, e.g. a misspelt package, fails instead of passing on nothing")
    void ruleOnOtherPackagesFails() {
        JavaClasses elsewhere = new ClassFileImporter().importClasses(String.class);
        assertThatThrownBy(() -> ModuleDependencyRulesTest.api_depends_on_nothing_but_the_jdk.check(elsewhere))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
        assertThatThrownBy(() -> ModuleDependencyRulesTest.no_jackson_in_api_core_kvm_kits_or_store.check(elsewhere))
                .isInstanceOf(AssertionError.class).hasMessageContaining("failed to check any classes");
    }

    @Test
    @DisplayName("a rule given no class to check fails instead of passing on nothing")
    void ruleOnNoClassesFails() {
        JavaClasses none = new ClassFileImporter().importClasses();
        for (String name : ruleNames()) {
            ArchRule rule = rule(name);
            assertThatThrownBy(() -> rule.check(none)).as("rule: %s", name)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed to check any classes");
        }
    }

    @Test
    @DisplayName("the shipped classes of every module are imported and pass every rule")
    void shippedClassesPass() {
        JavaClasses shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.unmanaged");

        assertThat(shipped.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
                .as("packages of the shipped classes")
                .contains("dev.unmanaged.api.spi", "dev.unmanaged.api.internal", "dev.unmanaged.core",
                        "dev.unmanaged.json", "dev.unmanaged.xml", "dev.unmanaged.kvm", "dev.unmanaged.vsphere", "dev.unmanaged.vsphere.vim",
                        "dev.unmanaged.tck", "dev.unmanaged.inventory.jdbc",
                        "dev.unmanaged.cli", "dev.unmanaged.console", "dev.unmanaged.samples.embedding", "dev.unmanaged.samples.jsondir")
                .noneMatch(p -> p.contains("archfixture"));
        for (String name : ruleNames()) {
            rule(name).check(shipped);
        }
    }

    private static List<String> ruleNames() {
        return Arrays.stream(ModuleDependencyRulesTest.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType()))
                .map(Field::getName).toList();
    }

    private static ArchRule rule(String name) {
        try {
            return (ArchRule) ModuleDependencyRulesTest.class.getDeclaredField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no rule " + name + " in ModuleDependencyRulesTest", e);
        }
    }
}
