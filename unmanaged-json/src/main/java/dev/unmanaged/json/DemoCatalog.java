package dev.unmanaged.json;

import dev.unmanaged.api.inventory.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A small, realistic catalog to try the library with: three owners, fixed and custom compute offerings, three
 * networks (one untagged and shared, two on VLANs and restricted), path- and pool-based storage pools, disk
 * offerings and templates. It is also the worked example of {@link CatalogLoader}'s format: {@link #json()} is
 * the file, e.g. to write next to a new inventory for a user to edit.
 */
public final class DemoCatalog {
    private static final String RESOURCE = "demo-catalog.json";

    private DemoCatalog() {
    }

    /** The demo catalog. */
    public static Catalog catalog() {
        return CatalogLoader.parse(json());
    }

    /** The demo catalog as {@link CatalogLoader} JSON. */
    public static String json() {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo catalog " + RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo catalog " + RESOURCE, e);
        }
    }
}
