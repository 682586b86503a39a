package dev.unmanaged.core;

import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.Problem;
import dev.unmanaged.api.operation.ProblemCode;
import dev.unmanaged.api.spi.ImportRule;
import dev.unmanaged.api.spi.InventoryCatalog;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The custom import rules in use, run beside the built-in checks; a rule that fails blocks rather than throws. */
final class ImportRules {
    private static final Logger LOG = LoggerFactory.getLogger(ImportRules.class);
    static final ImportRules NONE = new ImportRules(List.of());

    private final List<ImportRule> rules;

    ImportRules(List<ImportRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules {@link ServiceLoader} finds with {@code loader}. */
    static List<ImportRule> serviceLoaded(ClassLoader loader) {
        try {
            var found = new ArrayList<ImportRule>();
            ServiceLoader.load(ImportRule.class, loader).forEach(found::add);
            return found;
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("an import rule could not be loaded: "
                    + SafeText.of(SecretRedaction.messageOf(e)), e);
        }
    }

    /** Adds every rule's problems; a rule that throws adds one blocking problem naming it instead. */
    void check(InstanceDescriptor instance, ImportRequest request, InventoryCatalog catalog, List<Problem> problems) {
        for (ImportRule rule : rules) {
            String name = nameOf(rule);
            try {
                List<Problem> found = rule.check(instance, request, catalog);
                if (found != null) {
                    found.stream().filter(p -> p != null).forEach(problems::add);
                }
            } catch (RuntimeException | LinkageError e) {
                String why = e.getClass().getName() + ": " + SafeText.of(SecretRedaction.messageOf(e));
                LOG.warn("Import rule {} failed on instance {}: {}", SafeText.quoted(name),
                        SafeText.quoted(instance.name()), why);
                problems.add(Problem.block(ProblemCode.RULE_FAILED, "rule " + SafeText.of(name), "import rule "
                        + SafeText.quoted(name) + " failed (" + why + "); expected it to check the instance, so the"
                        + " import is blocked to be safe"));
            }
        }
    }

    private static String nameOf(ImportRule rule) {
        try {
            return rule.name();
        } catch (RuntimeException e) {
            return rule.getClass().getName();
        }
    }
}
