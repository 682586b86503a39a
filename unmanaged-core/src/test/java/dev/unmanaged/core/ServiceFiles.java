package dev.unmanaged.core;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/** Class loaders that see only the service files written here (plus the test classes they name). */
final class ServiceFiles {
    private ServiceFiles() {
    }

    /** A class loader whose ServiceLoader finds, for each service, exactly the implementation names given. */
    static ClassLoader classLoader(Path dir, Map<Class<?>, List<String>> implementationsByService) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        for (var entry : implementationsByService.entrySet()) {
            Files.write(services.resolve(entry.getKey().getName()), entry.getValue());
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ServiceFiles.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name); // only this directory's service files, not the class path's
            }
        };
    }
}
