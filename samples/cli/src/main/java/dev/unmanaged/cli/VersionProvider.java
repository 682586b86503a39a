package dev.unmanaged.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by the build), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = UnmanagedCli.class.getPackage().getImplementationVersion();
        return new String[] {"unmanaged " + (version == null ? "development" : version),
                "Java " + System.getProperty("java.version")};
    }
}
