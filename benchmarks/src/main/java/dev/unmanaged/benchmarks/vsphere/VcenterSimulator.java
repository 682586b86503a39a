package dev.unmanaged.benchmarks.vsphere;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private vCenter simulator for one benchmark run, built and started through scripts/vsphere-sim.sh's binary. */
final class VcenterSimulator implements AutoCloseable {
    private final Process process;
    private final URI sdk;

    private VcenterSimulator(Process process, URI sdk) {
        this.process = process;
        this.sdk = sdk;
    }

    /** The project's root: the directory above the working directory that holds scripts/vsphere-sim.sh. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/vsphere-sim.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("scripts/vsphere-sim.sh not found above " + Path.of("").toAbsolutePath());
    }

    /** Builds the simulator (cached) and starts it with {@code flags}; fails with the reason when it cannot. */
    static VcenterSimulator start(String... flags) throws IOException, InterruptedException {
        Process build = new ProcessBuilder("bash", "scripts/vsphere-sim.sh", "build").directory(root().toFile())
                .redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (build.waitFor() != 0) {
            throw new IOException("the vCenter simulator could not be built: " + output);
        }
        List<String> command = new ArrayList<>(List.of(output.lines().reduce((a, b) -> b).orElseThrow(), "-listen",
                "127.0.0.1:0"));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (line == null || !line.startsWith("url=")) {
            process.destroyForcibly();
            throw new IOException("the vCenter simulator printed no URL");
        }
        return new VcenterSimulator(process, URI.create(line.substring("url=".length())));
    }

    URI sdk() {
        return sdk;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
