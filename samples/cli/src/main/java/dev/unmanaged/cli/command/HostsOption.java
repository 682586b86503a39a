package dev.unmanaged.cli.command;

import java.util.List;
import picocli.CommandLine.Option;

/** The hosts of a command over many hosts: libvirt URIs, vsphere:// addresses, or the demo host. */
final class HostsOption {
    @Option(names = "--connect", paramLabel = "URI",
            description = "A host's libvirt URI or vsphere:// address; repeat for several hosts. Default (or 'demo'):"
                    + " the demo host.")
    List<String> uris;
}
