package dev.unmanaged.core;

import dev.unmanaged.api.error.NoProviderException;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.text.SafeText;
import dev.unmanaged.api.text.SecretRedaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hypervisor providers available to the workflows, one per hypervisor kind.
 *
 * <p>{@link #load()} discovers providers with {@link ServiceLoader}. A provider that cannot be loaded (a missing
 * class, a constructor that throws, a {@code hypervisor()} that fails) is set aside and reported by
 * {@link #failures()}; the others still work. When two providers claim the same kind, the first one found is
 * kept and the second is reported as a failure. Kinds are matched ignoring letter case.
 */
public final class ProviderRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** ServiceLoader may not recover from a broken entry; stop after this many errors in a row. */
    private static final int MAX_CONSECUTIVE_LOAD_ERRORS = 64;

    private final Map<String, HypervisorInstanceProvider> byKind;
    private final List<ProviderLoadFailure> failures;

    private ProviderRegistry(Map<String, HypervisorInstanceProvider> byKind, List<ProviderLoadFailure> failures) {
        this.byKind = Collections.unmodifiableMap(byKind);
        this.failures = List.copyOf(failures);
    }

    /** Discovers providers with the class loader that loaded this class. */
    public static ProviderRegistry load() {
        return load(ProviderRegistry.class.getClassLoader());
    }

    /** Discovers providers visible to {@code classLoader} (and, on the module path, to this module). */
    public static ProviderRegistry load(ClassLoader classLoader) {
        return load(classLoader, List.of());
    }

    /**
     * The {@code configured} providers, then every provider {@link ServiceLoader} finds (with the class loader
     * that loaded this class) whose class is not one of theirs: for embedders that build some providers with
     * options of their own and take the others as discovered. A discovered provider of the same class as a
     * configured one is not instantiated; one of another class serving the same kind is set aside, as in
     * {@link #load()}.
     */
    public static ProviderRegistry load(List<? extends HypervisorInstanceProvider> configured) {
        return load(ProviderRegistry.class.getClassLoader(), configured);
    }

    /** As {@link #load(List)}, discovering with {@code classLoader}. */
    public static ProviderRegistry load(ClassLoader classLoader,
                                        List<? extends HypervisorInstanceProvider> configured) {
        var found = new ArrayList<HypervisorInstanceProvider>(configured);
        Set<Class<?>> configuredClasses = new HashSet<>();
        configured.forEach(provider -> configuredClasses.add(provider.getClass()));
        var failures = new ArrayList<ProviderLoadFailure>();
        Iterator<ServiceLoader.Provider<HypervisorInstanceProvider>> it =
                ServiceLoader.load(HypervisorInstanceProvider.class, classLoader).stream().iterator();
        int errorsInARow = 0;
        while (errorsInARow < MAX_CONSECUTIVE_LOAD_ERRORS) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                ServiceLoader.Provider<HypervisorInstanceProvider> next = it.next();
                if (!configuredClasses.contains(next.type())) {
                    found.add(next.get());
                }
                errorsInARow = 0;
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                errorsInARow++;
                var failure = new ProviderLoadFailure(providerNamedIn(e), SafeText.of(rootMessage(e), 500));
                LOG.warn("Hypervisor provider failed to load and is set aside: {}", failure.describe());
                failures.add(failure);
            }
        }
        return register(found, failures);
    }

    /** A registry of exactly these providers, for embedders that wire providers themselves. */
    public static ProviderRegistry of(HypervisorInstanceProvider... providers) {
        return of(List.of(providers));
    }

    /** A registry of exactly these providers. */
    public static ProviderRegistry of(List<? extends HypervisorInstanceProvider> providers) {
        return register(List.copyOf(providers), new ArrayList<>());
    }

    private static ProviderRegistry register(List<? extends HypervisorInstanceProvider> providers,
                                             List<ProviderLoadFailure> failures) {
        var byKind = new LinkedHashMap<String, HypervisorInstanceProvider>();
        for (HypervisorInstanceProvider provider : providers) {
            String className = provider.getClass().getName();
            String kind;
            try {
                kind = Objects.requireNonNull(provider.hypervisor(), "hypervisor() returned null");
            } catch (RuntimeException e) {
                var failure = new ProviderLoadFailure(className, "hypervisor() failed: " + SafeText.of(rootMessage(e), 500));
                LOG.warn("Hypervisor provider is set aside: {}", failure.describe());
                failures.add(failure);
                continue;
            }
            String key = normalise(kind);
            HypervisorInstanceProvider existing = byKind.putIfAbsent(key, provider);
            if (existing != null) {
                var failure = new ProviderLoadFailure(className, "hypervisor '" + SafeText.of(kind)
                        + "' is already served by " + existing.getClass().getName());
                LOG.warn("Hypervisor provider is set aside: {}", failure.describe());
                failures.add(failure);
            } else {
                LOG.debug("Hypervisor provider {} serves '{}'", className, SafeText.of(kind));
            }
        }
        if (byKind.isEmpty()) {
            LOG.warn("No hypervisor provider was found; put one (e.g. dev.unmanaged:hypervisor-kvm) on the class path");
        }
        return new ProviderRegistry(byKind, failures);
    }

    /**
     * The provider serving {@code host}'s hypervisor.
     *
     * @throws NoProviderException naming the kinds that are served and the providers that failed to load
     */
    public HypervisorInstanceProvider providerFor(Host host) {
        return providerFor(host.hypervisor());
    }

    /**
     * The provider serving hypervisor kind {@code hypervisor}.
     *
     * @throws NoProviderException naming the kinds that are served and the providers that failed to load
     */
    public HypervisorInstanceProvider providerFor(String hypervisor) {
        return find(hypervisor).orElseThrow(() -> new NoProviderException(SafeText.of(hypervisor),
                List.copyOf(byKind.keySet()), failures.stream().map(ProviderLoadFailure::describe).toList()));
    }

    /** The provider serving {@code hypervisor}, if any. */
    public Optional<HypervisorInstanceProvider> find(String hypervisor) {
        return hypervisor == null ? Optional.empty() : Optional.ofNullable(byKind.get(normalise(hypervisor)));
    }

    /** The hypervisor kinds served, lower case, in discovery order. */
    public Set<String> hypervisors() {
        return byKind.keySet();
    }

    /** Every provider, in discovery order. */
    public List<HypervisorInstanceProvider> providers() {
        return List.copyOf(byKind.values());
    }

    /** Providers that failed to load or were set aside, with why. */
    public List<ProviderLoadFailure> failures() {
        return failures;
    }

    /** Closes every provider; a provider that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (HypervisorInstanceProvider provider : byKind.values()) {
            try {
                provider.close();
            } catch (Exception e) {
                LOG.warn("Hypervisor provider {} failed to close: {}", provider.getClass().getName(),
                        SafeText.of(rootMessage(e), 500));
            }
        }
    }

    private static String normalise(String kind) {
        return kind.trim().toLowerCase(Locale.ROOT);
    }

    /** The provider class named in a ServiceLoader error, or a generic label. */
    private static String providerNamedIn(Throwable e) {
        String message = String.valueOf(e.getMessage());
        // ServiceLoader messages read "<service>: Provider <class> could not be instantiated" and similar.
        var matcher = java.util.regex.Pattern.compile("Provider ([\\w.$]+)").matcher(message);
        return matcher.find() ? matcher.group(1) : "unknown provider";
    }

    /** The failure and its root cause, redacted: a provider's own error text. */
    private static String rootMessage(Throwable e) {
        return SecretRedaction.redact(unredactedRootMessage(e));
    }

    private static String unredactedRootMessage(Throwable e) {
        String first = e.getClass().getSimpleName() + ": " + e.getMessage();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? first : first + " (caused by " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
