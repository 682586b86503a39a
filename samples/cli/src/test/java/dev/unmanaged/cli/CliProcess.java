package dev.unmanaged.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged tool ({@code java -jar target/unmanaged-cli.jar}) as a separate process, the way an operator
 * does, with its own {@code UNMANAGED_HOME}.
 */
final class CliProcess {
    private static final long TIMEOUT_SECONDS = 180;
    private final Path home;
    private final Map<String, String> extraEnvironment;

    CliProcess(Path home) {
        this(home, Map.of());
    }

    CliProcess(Path home, Map<String, String> extraEnvironment) {
        this.home = home;
        this.extraEnvironment = extraEnvironment;
    }

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        /** The non-empty lines of stdout. */
        List<String> outLines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Path jar() {
        String configured = System.getProperty("unmanaged.cli.jar");
        Path jar = Path.of(configured != null ? configured : "target/unmanaged-cli.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged tool " + jar + " is missing; run `mvn verify`");
        }
        return jar;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(toolCommand(args), Map.of());
    }

    /**
     * Runs the tool on a pseudo-terminal, as a person at a terminal does: util-linux {@code script} gives it one
     * for its stdin and stdout, and what it writes there comes back as stdout (with CR LF line ends).
     */
    Result runOnTerminal(String... args) throws IOException, InterruptedException {
        String shellCommand = toolCommand(args).stream()
                .map(word -> "'" + word.replace("'", "'\\''") + "'")
                .collect(java.util.stream.Collectors.joining(" "));
        return run(List.of("script", "--quiet", "--return", "--command", shellCommand, "/dev/null"),
                Map.of("TERM", "xterm"));
    }

    /**
     * Starts the tool and returns at once, to signal it while it runs. SIGINT is reset to its default action
     * first: a process started from a non-interactive shell's background job inherits it ignored, and the JVM
     * leaves an ignored SIGINT ignored.
     */
    Background start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(toolCommand(args));
        return launch(command, Map.of());
    }

    /** A run of the tool that is still going. */
    record Background(String command, Process process, Path out, Path err) {
        /** The lines it has written to stdout so far. */
        List<String> outLines() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8).lines().toList();
        }

        /** Sends it a signal, e.g. {@code INT} as Ctrl-C does. */
        void signal(String name) throws IOException, InterruptedException {
            Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new AssertionError("kill -" + name + " " + process.pid() + " failed");
            }
        }

        /** Waits for it to end. */
        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private static List<String> toolCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Result run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        return launch(command, environment).await();
    }

    private Background launch(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("UNMANAGED_HOME", home.toString());
        builder.environment().remove("UNMANAGED_PROGRESS");
        builder.environment().putAll(environment);
        builder.environment().putAll(extraEnvironment);
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Background(String.join(" ", command), process, out, err);
    }
}
