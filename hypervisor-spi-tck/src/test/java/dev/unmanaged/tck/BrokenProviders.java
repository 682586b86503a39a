package dev.unmanaged.tck;

import dev.unmanaged.api.error.HostUnavailableException;
import dev.unmanaged.api.error.InstanceNotFoundException;
import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.PowerState;
import dev.unmanaged.api.spi.HostChangeFeed;
import dev.unmanaged.api.spi.HostChangeListener;
import dev.unmanaged.api.spi.HypervisorInstanceProvider;
import dev.unmanaged.api.spi.ProviderCapability;
import dev.unmanaged.api.spi.UnmanagePreparation;
import dev.unmanaged.tck.fake.InMemoryHypervisorProvider;
import dev.unmanaged.tck.fake.InMemoryTestBed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliberately wrong providers, each with one bug a real provider could have, and the kit subclasses that run
 * the provider contract against them. They are nested classes so that the build does not run them as tests
 * itself; {@link KitBitesTest} runs them and checks that the kit catches each bug.
 */
final class BrokenProviders {
    private BrokenProviders() {
    }

    /** Forwards everything to the in-memory provider; a broken provider overrides the call it gets wrong. */
    abstract static class Delegating implements HypervisorInstanceProvider {
        final InMemoryHypervisorProvider fake = new InMemoryHypervisorProvider();

        @Override
        public String hypervisor() {
            return fake.hypervisor();
        }

        @Override
        public Set<ProviderCapability> capabilities() {
            return fake.capabilities();
        }

        @Override
        public List<InstanceDescriptor> listInstances(Host host) {
            return fake.listInstances(host);
        }

        @Override
        public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
            return fake.describeInstance(host, nameOrUuid);
        }

        @Override
        public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
            return fake.prepareForUnmanage(host, uuid);
        }

        @Override
        public HostChangeFeed watchHost(Host host, HostChangeListener listener) {
            return fake.watchHost(host, listener);
        }
    }

    /** Passes every watch notice on but drops those of removed instances, as a watch missing undefine events would. */
    static class WatchDropsRemovals extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public HostChangeFeed watchHost(Host host, HostChangeListener listener) {
                    return fake.watchHost(host, new ForwardingChangeListener(listener) {
                        @Override
                        public void gone(UUID uuid) {
                            // dropped
                        }
                    });
                }
            };
        }
    }

    /**
     * Reports each change, then the instance's previous state once more, as a watch that reads descriptors out of
     * order would: the watcher sees every change twice.
     */
    static class WatchRepeatsStaleStates extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public HostChangeFeed watchHost(Host host, HostChangeListener listener) {
                    var previous = new ConcurrentHashMap<UUID, InstanceDescriptor>();
                    return fake.watchHost(host, new ForwardingChangeListener(listener) {
                        @Override
                        public void present(InstanceDescriptor instance) {
                            super.present(instance);
                            InstanceDescriptor stale = previous.put(instance.uuid(), instance);
                            if (stale != null) {
                                super.present(stale);
                                super.present(instance);
                            }
                        }
                    });
                }
            };
        }
    }

    /** Passes every notice on; a broken watch overrides the one it gets wrong. */
    private static class ForwardingChangeListener implements HostChangeListener {
        private final HostChangeListener target;

        ForwardingChangeListener(HostChangeListener target) {
            this.target = target;
        }

        @Override
        public void listed(List<InstanceDescriptor> instances) {
            target.listed(instances);
        }

        @Override
        public void present(InstanceDescriptor instance) {
            target.present(instance);
        }

        @Override
        public void gone(UUID uuid) {
            target.gone(uuid);
        }

        @Override
        public void unavailable(UnmanagedException reason) {
            target.unavailable(reason);
        }
    }

    /** Runs the provider contract against a {@link Delegating} provider on the fake's own test bed. */
    abstract static class KitAgainst extends HypervisorInstanceProviderContract {
        abstract Delegating broken();

        @Override
        protected HypervisorInstanceProvider createProvider() {
            return broken();
        }

        @Override
        protected TestBed createTestBed(HypervisorInstanceProvider provider) {
            return new InMemoryTestBed(((Delegating) provider).fake, "host-1");
        }

        /** The fake pushes synchronously; a missing notice needs no long wait to be caught. */
        @Override
        protected Duration watchDeadline() {
            return Duration.ofMillis(500);
        }
    }

    /** Lists only domains that are active, as a provider asking for running domains alone would. */
    static class DropsStoppedInstances extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public List<InstanceDescriptor> listInstances(Host host) {
                    return fake.listInstances(host).stream().filter(d -> d.powerState() != PowerState.STOPPED)
                            .toList();
                }
            };
        }
    }

    /** Defines the instance again on every call and says so each time. */
    static class PrepareNotIdempotent extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
                    UnmanagePreparation real = fake.prepareForUnmanage(host, uuid);
                    return new UnmanagePreparation(uuid, true, real.powerState());
                }
            };
        }
    }

    /**
     * Defines a transient instance persistently from its plain definition, which holds no secrets: the console of
     * the surviving instance is left without its password.
     */
    static class PrepareDropsConsolePassword extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
                    UnmanagePreparation done = fake.prepareForUnmanage(host, uuid);
                    fake.instance(host.id(), uuid).ifPresent(plain -> fake.putInstance(host.id(), plain));
                    return done;
                }
            };
        }
    }

    /** Claims to have made a transient instance persistent without doing it. */
    static class PrepareWithoutEffect extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public UnmanagePreparation prepareForUnmanage(Host host, UUID uuid) {
                    InstanceDescriptor d = fake.describeInstance(host, uuid.toString());
                    return new UnmanagePreparation(uuid, Boolean.FALSE.equals(d.persistent()), d.powerState());
                }
            };
        }
    }

    /** Copies the console password into a warning, as a provider quoting the raw graphics element would. */
    static class LeaksGraphicsPassword extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public List<InstanceDescriptor> listInstances(Host host) {
                    return fake.listInstances(host).stream().map(d -> leak(host, d)).toList();
                }

                @Override
                public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
                    return leak(host, fake.describeInstance(host, nameOrUuid));
                }

                private InstanceDescriptor leak(Host host, InstanceDescriptor d) {
                    return fake.graphicsPassword(host.id(), d.uuid())
                            .map(p -> d.withWarnings(List.of(DescriptorWarning.info("UNMODELLED",
                                    "<graphics type='vnc' passwd='" + p + "'/> kept as text"))))
                            .orElse(d);
                }
            };
        }
    }

    /** Reports an unreachable host as a host without instances. */
    static class EmptyListingForUnreachableHost extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public List<InstanceDescriptor> listInstances(Host host) {
                    try {
                        return fake.listInstances(host);
                    } catch (HostUnavailableException e) {
                        return List.of();
                    }
                }
            };
        }
    }

    /** Lets a lookup failure of its own escape instead of the typed not-found error. */
    static class UntypedNotFound extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public InstanceDescriptor describeInstance(Host host, String nameOrUuid) {
                    try {
                        return fake.describeInstance(host, nameOrUuid);
                    } catch (InstanceNotFoundException e) {
                        throw new NoSuchElementException("no value present");
                    }
                }
            };
        }
    }

    /** Adds an instance the host does not have, as a provider inventing an identity for an unreadable one would. */
    static class InventsInstances extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public List<InstanceDescriptor> listInstances(Host host) {
                    List<InstanceDescriptor> listing = new ArrayList<>(fake.listInstances(host));
                    if (!listing.isEmpty()) {
                        InstanceDescriptor any = listing.get(0);
                        listing.add(new InstanceDescriptor(UUID.randomUUID(), "ghost", host.id(), hypervisor(),
                                null, PowerState.UNKNOWN, null, any.cpu(), any.memory(), null, null, null, null,
                                null, null));
                    }
                    return listing;
                }
            };
        }
    }

    /**
     * Lists an instance twice while it is changing, as a provider that enumerates running and stopped instances in
     * two calls would when one stops in between. Only instances the kit churns change, so only churn shows it.
     */
    static class RepeatsChangingInstances extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public List<InstanceDescriptor> listInstances(Host host) {
                    List<InstanceDescriptor> listing = new ArrayList<>(fake.listInstances(host));
                    listing.stream().filter(d -> d.name().startsWith("tck-churn-")).findFirst()
                            .ifPresent(listing::add);
                    return listing;
                }
            };
        }
    }

    /** A correct provider that declares no optional capability: the kit must skip, not fail, what needs one. */
    static class WithoutCapabilities extends KitAgainst {
        @Override
        Delegating broken() {
            return new Delegating() {
                @Override
                public Set<ProviderCapability> capabilities() {
                    return Set.of();
                }
            };
        }
    }
}
