package dev.unmanaged.reliability.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code virsh -c URI}: changes made to a daemon by a process other than the test's. */
record Virsh(String uri) {
    /** Runs {@code virsh -c URI ARGS}; throws when virsh fails. */
    String run(String... args) throws IOException, InterruptedException {
        return command(args).check();
    }

    /** Runs {@code virsh -c URI ARGS} and returns how it ended, failed or not. */
    Command.Result attempt(String... args) throws IOException, InterruptedException {
        return command(args).run();
    }

    /** Runs {@code virsh -c URI ARGS FILE} with {@code xml} in FILE (define, create). */
    String runWithFile(String xml, String... args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("unmanaged-live-", ".xml");
        try {
            Files.writeString(file, xml);
            List<String> withFile = new ArrayList<>(List.of(args));
            withFile.add(file.toString());
            return run(withFile.toArray(String[]::new));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Command command(String... args) {
        List<String> argv = new ArrayList<>(List.of("virsh", "-c", uri));
        argv.addAll(List.of(args));
        return new Command(argv);
    }
}
