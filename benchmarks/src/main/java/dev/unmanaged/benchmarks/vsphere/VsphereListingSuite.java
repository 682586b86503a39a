package dev.unmanaged.benchmarks.vsphere;

import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.spi.ListingDetail;
import dev.unmanaged.benchmarks.ResultRow;
import dev.unmanaged.benchmarks.RunMode;
import dev.unmanaged.benchmarks.Samples;
import dev.unmanaged.tck.LiveServices;
import dev.unmanaged.vsphere.VsphereInstanceProvider;
import dev.unmanaged.vsphere.VsphereProviderOptions;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Lists the VMs of VMware's vCenter simulator (a private one, sized for the run: 1,000 VMs) with our provider,
 * and with a client that asks one VM at a time ({@link OneAtATimeClient}); reports the time of a listing and
 * the round trips per listed VM of each. Both read the same VM properties over the same TLS endpoint. Then
 * describes one VM (what every import plan does) against the way it was done before: a listing with guest
 * addresses, filtered.
 */
public final class VsphereListingSuite {
    /** What both ask for each VM: the paths the provider reads. */
    private static final List<String> PATHS = List.of("name", "config.instanceUuid", "config.uuid",
            "config.template", "config.hardware", "config.cpuAllocation", "config.memoryAllocation", "config.firmware",
            "config.bootOptions", "config.guestId", "runtime.powerState", "runtime.host");

    private VsphereListingSuite() {
    }

    /** Measures, or reports why it could not (outside CI only: in CI a missing simulator fails the run). */
    public static List<ResultRow> run(RunMode mode) throws Exception {
        int vms = mode.smoke() ? 10 : 1_000;
        int runs = mode.smoke() ? 1 : 5;
        String title = "List " + String.format("%,d", vms) + " VMs of the vCenter simulator";
        if (LiveServices.skipped()) {
            return List.of(ResultRow.reported(title, "not measured", "report", null, "skipped (-Dlive.skip=true)"));
        }
        VcenterSimulator simulator;
        try {
            // VPX places the VMs per standalone host and per cluster: one of each, half the VMs on each.
            simulator = VcenterSimulator.start("-hosts", "1", "-clusters", "1", "-cluster-hosts", "1", "-vms",
                    Integer.toString(vms / 2));
        } catch (IOException e) {
            if (LiveServices.inCi()) {
                throw new IllegalStateException("the vCenter simulator is not usable in CI: " + e.getMessage(), e);
            }
            return List.of(ResultRow.reported(title, "not measured", "report", null, e.getMessage()
                    + "; install golang-go golang-github-vmware-govmomi-dev"));
        }
        try (simulator; VsphereInstanceProvider provider = new VsphereInstanceProvider(
                VsphereProviderOptions.of((server, user) -> "bench".toCharArray()))) {
            Host host = new Host("bench-vc", VsphereInstanceProvider.HYPERVISOR, "vsphere://bench@"
                    + simulator.sdk().getHost() + ":" + simulator.sdk().getPort() + "/sdk?insecure=true");
            OneAtATimeClient baseline = new OneAtATimeClient(simulator.sdk(), PATHS);
            baseline.login();
            int listed = provider.listInstances(host).size();
            baseline.list();
            Samples ours = new Samples();
            Samples oneByOne = new Samples();
            Samples described = new Samples();
            Samples filtered = new Samples();
            long oursTrips = 0;
            long baselineTrips = 0;
            int baselineRead = 0;
            for (int run = 0; run < runs; run++) {
                long trips = provider.roundTrips(host);
                long start = System.nanoTime();
                List<InstanceDescriptor> listing = provider.listInstances(host);
                ours.add((System.nanoTime() - start) / 1e6);
                oursTrips = provider.roundTrips(host) - trips;
                listed = listing.size();
                trips = baseline.roundTrips();
                start = System.nanoTime();
                baselineRead = baseline.list();
                oneByOne.add((System.nanoTime() - start) / 1e6);
                baselineTrips = baseline.roundTrips() - trips;

                String wanted = listing.get(listing.size() / 2).uuid().toString();
                start = System.nanoTime();
                InstanceDescriptor one = provider.describeInstance(host, wanted);
                described.add((System.nanoTime() - start) / 1e6);
                start = System.nanoTime();
                InstanceDescriptor same = provider.listInstances(host, Set.of(ListingDetail.GUEST_ADDRESSES)).stream()
                        .filter(d -> d.isIdentifiedBy(wanted)).findFirst().orElseThrow();
                filtered.add((System.nanoTime() - start) / 1e6);
                if (!one.equals(same)) {
                    throw new IllegalStateException("describe and the filtered listing disagree on " + wanted);
                }
            }
            if (listed != vms || baselineRead != vms) {
                throw new IllegalStateException("expected " + vms + " VMs, ours listed " + listed
                        + ", the baseline read " + baselineRead);
            }
            String note = String.format("%,d VMs, median of %d runs; round trips per listing: ours %d, one at a time"
                    + " %d (login not counted); the baseline parses nothing", vms, runs, oursTrips, baselineTrips);
            return List.of(
                    ResultRow.compared(title + ": ours vs one VM at a time", ResultRow.number(ours.median(), 1)
                                    + " ms", ResultRow.number(oneByOne.median(), 1) + " ms",
                            oneByOne.median() / ours.median(), "report", oneByOne.median() > ours.median(), note),
                    ResultRow.compared(title + ": round trips per listed VM",
                            ResultRow.number((double) oursTrips / listed, 4),
                            ResultRow.number((double) baselineTrips / listed, 4),
                            (double) baselineTrips / oursTrips, "report", oursTrips < baselineTrips, note),
                    ResultRow.compared("Describe one VM of " + String.format("%,d", vms) + " on the vCenter simulator:"
                                    + " ours vs a listing filtered", ResultRow.number(described.median(), 1) + " ms",
                            ResultRow.number(filtered.median(), 1) + " ms", filtered.median() / described.median(),
                            "report", filtered.median() > described.median(), String.format("median of %d runs; both"
                                    + " read guest addresses; ours reads name, UUID and template flag of every VM,"
                                    + " then every property of the one named", runs)));
        }
    }
}
