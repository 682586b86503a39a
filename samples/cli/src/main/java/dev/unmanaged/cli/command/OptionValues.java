package dev.unmanaged.cli.command;

import dev.unmanaged.api.text.SafeText;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of option values beyond what picocli's types check. */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * Refuses a count below one ({@code --parallel 0}, {@code --cpus 0}); an option not given (null) passes.
     *
     * @throws ParameterException a usage error (exit status 2) naming the option, the value and what was expected
     */
    static void requireAtLeastOne(CommandSpec spec, String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(spec.commandLine(), option + ": found " + value + ", expected at least 1");
        }
    }

    /**
     * Refuses an empty or blank argument ({@code describe ''}) before any host is asked, naming it as the usage
     * line does.
     *
     * @param label the argument as the user knows it, e.g. {@code NAME|UUID} or {@code --connect}
     * @throws ParameterException a usage error (exit status 2)
     */
    static void requireNotBlank(CommandSpec spec, String label, String value) {
        if (value != null && value.isBlank()) {
            throw new ParameterException(spec.commandLine(), label + ": found " + SafeText.quoted(value)
                    + ", expected a non-empty value");
        }
    }
}
