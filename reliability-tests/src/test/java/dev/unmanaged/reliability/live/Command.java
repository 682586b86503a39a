package dev.unmanaged.reliability.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command run as a separate process, its standard output and error read together. */
record Command(List<String> argv) {
    private static final long TIMEOUT_SECONDS = 120;

    /** How a command ended: its exit status and its output. */
    record Result(int exit, String output) {
        boolean succeeded() {
            return exit == 0;
        }
    }

    static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    /** Runs the command to its end (killed after two minutes, then exit status -1). */
    Result run() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, String.join(" ", argv) + " did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Runs the command and returns its output; throws when it fails. */
    String check() throws IOException, InterruptedException {
        Result result = run();
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", argv) + " failed with exit status " + result.exit()
                    + ": " + result.output().strip());
        }
        return result.output();
    }
}
