package dev.unmanaged.cli.command;

import picocli.CommandLine.Option;

/** The host of a command about one instance: a libvirt URI, a vSphere address, or the demo host. */
final class HostOption {
    @Option(names = "--connect", paramLabel = "URI",
            description = "The host's libvirt URI, e.g. qemu+ssh://root@kvm1/system, or a vSphere address,"
                    + " vsphere://USER@VCENTER[?thumbprint=…] (password from UNMANAGED_VSPHERE_PASSWORD)."
                    + " Default (or 'demo'): the demo host.")
    String uri;
}
