package dev.unmanaged.cli.command;

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
}
