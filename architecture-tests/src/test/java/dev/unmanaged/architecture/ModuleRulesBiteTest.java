package dev.unmanaged.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.unmanaged.api.archfixture.ApiReachingIntoCore;
import dev.unmanaged.core.archfixture.CoreReachingIntoJackson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The module rules are only worth having if they fail when someone breaks an arrow. Each test feeds a rule a
 * deliberately wrong class from the test sources and checks the rule reports that class and the type it must not
 * use; the shipped classes must still pass the same rule.
 */
@DisplayName("The module rules fail code that breaks an arrow")
class ModuleRulesBiteTest {

    @Test
    @DisplayName("an api class that imports the core facade breaks both api rules, naming the class and the import")
    void apiImportingCoreIsReported() {
        JavaClasses wrong = new ClassFileImporter().importClasses(ApiReachingIntoCore.class);

        for (ArchRule rule : new ArchRule[] {ModuleDependencyRulesTest.api_depends_on_nothing_but_the_jdk,
                ModuleDependencyRulesTest.api_knows_no_other_module}) {
            assertThatThrownBy(() -> rule.check(wrong)).as("rule: %s", rule.getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(ApiReachingIntoCore.class.getName())
                    .hasMessageContaining("dev.unmanaged.core.UnmanagedInstances");
        }
    }

    @Test
    @DisplayName("a core class that uses Jackson breaks the core rules, naming the class and the Jackson type")
    void coreUsingJacksonIsReported() {
        JavaClasses wrong = new ClassFileImporter().importClasses(CoreReachingIntoJackson.class);

        for (ArchRule rule : new ArchRule[] {ModuleDependencyRulesTest.core_depends_only_on_api_and_slf4j,
                ModuleDependencyRulesTest.core_knows_no_provider_kit_or_serialisation,
                ModuleDependencyRulesTest.no_jackson_in_api_or_core}) {
            assertThatThrownBy(() -> rule.check(wrong)).as("rule: %s", rule.getDescription())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(CoreReachingIntoJackson.class.getName())
                    .hasMessageContaining("com.fasterxml.jackson.databind.ObjectMapper");
        }
    }

    @Test
    @DisplayName("the shipped api and core classes are imported and pass the same rules")
    void shippedClassesPass() {
        JavaClasses shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.unmanaged.api", "dev.unmanaged.core");

        assertThat(shipped.stream().map(c -> c.getPackageName()))
                .as("packages of the shipped classes").contains("dev.unmanaged.api.spi", "dev.unmanaged.core")
                .noneMatch(p -> p.contains("archfixture"));
        ModuleDependencyRulesTest.api_depends_on_nothing_but_the_jdk.check(shipped);
        ModuleDependencyRulesTest.api_knows_no_other_module.check(shipped);
        ModuleDependencyRulesTest.core_depends_only_on_api_and_slf4j.check(shipped);
        ModuleDependencyRulesTest.no_jackson_in_api_or_core.check(shipped);
    }
}
