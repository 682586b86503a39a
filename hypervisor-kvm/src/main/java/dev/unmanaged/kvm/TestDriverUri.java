package dev.unmanaged.kvm;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.text.SafeText;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.libvirt.LibvirtException;

/**
 * What the provider knows about libvirt's test-driver URIs ({@code test:///default}, {@code test:///path/node.xml},
 * {@code test+unix:///…}). The test driver reads the file named in the URI as its node document and, when that
 * fails, libvirt's error quotes the file's first line, whatever the file is; so the provider refuses these URIs
 * unless {@link KvmProviderOptions#testDriverAllowed()}, and reports a node file it cannot load in its own words.
 */
final class TestDriverUri {
    private static final String DEFAULT_NODE = "/default";

    private TestDriverUri() {
    }

    /** Whether {@code uri} opens libvirt's test driver (scheme {@code test} or {@code test+transport}). */
    static boolean isTestDriver(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = uri.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        return scheme.equals("test") || scheme.startsWith("test+");
    }

    /** The node file a {@code test:///PATH} URI loads; empty for other URIs and for the built-in default node. */
    static Optional<Path> nodeFile(String uri) {
        if (!isTestDriver(uri) || !uri.regionMatches(true, 0, "test://", 0, 7)) {
            return Optional.empty();
        }
        String path = uri.substring("test://".length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.isEmpty() || path.equals(DEFAULT_NODE) || !path.startsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(path));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * The error for a test-driver connection that could not be opened because its node file did not load, or
     * empty when {@code uri} names no node file or the connection was refused for want of access (the node file
     * loaded, and its authentication failed). Never libvirt's text: it quotes the file's content.
     */
    static Optional<UnmanagedException> nodeFileFailure(String uri, String hostId, LibvirtException e) {
        if (LibvirtErrors.isAccessDenied(e)) {
            return Optional.empty();
        }
        return nodeFile(uri).map(file -> new HostUnavailableException(hostId, "libvirt's test driver could not load"
                + " the node file " + SafeText.quoted(file) + " (" + LibvirtErrors.code(e) + "): "
                + (Files.isReadable(file) ? "the file is not a libvirt test-driver node document (well-formed XML"
                + " with a <node> root holding valid domain definitions)"
                : "the file does not exist or this process may not read it"), null));
    }
}
