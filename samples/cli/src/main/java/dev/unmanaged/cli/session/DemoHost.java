package dev.unmanaged.cli.session;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.cli.CliFailure;
import dev.unmanaged.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The host used when no {@code --connect} is given: a libvirt test-driver node file shipped inside the tool,
 * holding a dozen VMs in every state. libvirt's test driver reads it in-process (only the libvirt0 library is
 * needed) and needs an absolute path, so the file is extracted under the tool's home.
 *
 * <p>Every connection to the test driver starts again from the file, so the host itself never changes: what an
 * import or an unmanage changes is the inventory, which is what decides whether a VM is listed as unmanaged.
 */
public final class DemoHost {
    /** The host id the demo host is listed under. */
    public static final String ID = "demo";
    static final String RESOURCE = "/dev/unmanaged/cli/demo-host.xml";

    private DemoHost() {
    }

    /** The node file as shipped. */
    public static byte[] nodeXml() {
        try (InputStream in = DemoHost.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new CliFailure(ExitCodes.REQUEST_PROBLEM, "the demo host " + RESOURCE + " is missing from the tool's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.REQUEST_PROBLEM, "cannot read the demo host from the tool's jar: " + e);
        }
    }

    /** The demo host, its node file written to {@code home} unless it is there already with the same content. */
    public static Host at(UnmanagedHome home) {
        Path file = home.demoHostFile().toAbsolutePath().normalize();
        byte[] shipped = nodeXml();
        try {
            if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), shipped)) {
                PrivateFiles.createDirectories(file.getParent());
                // Written beside and moved into place, so a concurrent run never reads half a file.
                Path partial = Files.createTempFile(file.getParent(), "demo-host", ".partial");
                Files.write(partial, shipped);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.UNREACHABLE, "cannot write the demo host's node file " + file + ": " + e
                    + " (set " + UnmanagedHome.VARIABLE + " to a writable directory)");
        }
        return new Host(ID, "kvm", "test://" + file);
    }
}
