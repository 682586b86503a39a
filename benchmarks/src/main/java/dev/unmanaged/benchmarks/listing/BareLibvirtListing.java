package dev.unmanaged.benchmarks.listing;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/**
 * The baseline of the listing benchmark: the least any libvirt client must do to list a host — one
 * {@code listAllDomains} and one {@code getXMLDesc} per domain, on one open connection — with no parsing, no
 * power state, no persistence and no disk sizes. A domain removed by someone else meanwhile is skipped.
 */
public final class BareLibvirtListing implements AutoCloseable {
    private final Connect connect;

    /** Opens the connection (for the test driver this loads the node file, which is not what is measured). */
    public BareLibvirtListing(String uri) throws LibvirtException {
        this.connect = new Connect(uri, false);
    }

    /** Lists every domain and fetches its definition; returns the total characters fetched. */
    public long listAndFetchDefinitions() throws LibvirtException {
        Domain[] domains = connect.listAllDomains(0);
        long characters = 0;
        for (Domain domain : domains) {
            try {
                characters += domain.getXMLDesc(0).length();
            } catch (LibvirtException e) {
                // A domain someone else removed since the listing is skipped, as any client would.
                if (e.getError().getCode() != Error.ErrorNumber.VIR_ERR_NO_DOMAIN) {
                    throw e;
                }
            } finally {
                domain.free();
            }
        }
        return characters;
    }

    /** How many domains the host has. */
    public int domainCount() throws LibvirtException {
        Domain[] domains = connect.listAllDomains(0);
        for (Domain domain : domains) {
            domain.free();
        }
        return domains.length;
    }

    @Override
    public void close() throws LibvirtException {
        connect.close();
    }
}
