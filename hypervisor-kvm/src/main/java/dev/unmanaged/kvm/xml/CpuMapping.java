package dev.unmanaged.kvm.xml;

import dev.unmanaged.api.instance.CpuDescriptor;
import dev.unmanaged.api.instance.CpuTune;
import dev.unmanaged.api.instance.DescriptorWarning;
import dev.unmanaged.api.instance.WarningCodes;
import dev.unmanaged.kvm.xml.DomainXmlException.Reason;
import dev.unmanaged.kvm.xml.model.CpuTuneXml;
import dev.unmanaged.kvm.xml.model.CpuXml;
import dev.unmanaged.kvm.xml.model.DomainXml;
import dev.unmanaged.kvm.xml.model.TopologyXml;
import dev.unmanaged.kvm.xml.model.VcpuStateXml;
import dev.unmanaged.kvm.xml.model.VcpuXml;
import java.math.BigInteger;

import java.util.List;

/**
 * {@code <vcpu>}, {@code <vcpus>}, {@code <cpu>} and {@code <cputune>} with libvirt's rules: no {@code <vcpu>}
 * means 1; no {@code current} means all vCPUs are online (or those {@code <vcpus>} marks enabled); dies are 1
 * when a topology omits them; a topology that does not multiply to the vCPU maximum is shown as written, with
 * a blocking warning. The derived speed and cap follow Apache CloudStack's KVM reading of {@code <cputune>}:
 * speed per vCPU in MHz is shares divided by the online vCPUs, and the cap is quota divided by period (libvirt's
 * quota applies to each vCPU).
 */
final class CpuMapping {
    /** libvirt's bounds for {@code <cputune><period>}, in microseconds. */
    static final long MIN_PERIOD = 1_000;
    static final long MAX_PERIOD = 1_000_000;
    /** libvirt's bounds for a positive {@code <cputune><quota>}, in microseconds. */
    static final long MIN_QUOTA = 1_000;
    static final long MAX_QUOTA = 17_592_186_044_415L;
    /** The period the kernel enforces a quota over when {@code <period>} is not set, in microseconds. */
    static final long DEFAULT_PERIOD = 100_000;

    private CpuMapping() {
    }

    static CpuDescriptor map(DomainXml domain, List<DescriptorWarning> warnings) {
        List<VcpuXml> vcpuElements = domain.vcpus();
        if (vcpuElements.size() > 1) {
            throw new DomainXmlException(Reason.DUPLICATE_ELEMENT, "<vcpu>", vcpuElements.size() + " elements",
                    "at most one <vcpu>");
        }
        VcpuXml vcpu = vcpuElements.isEmpty() ? null : vcpuElements.get(0);
        Integer written = vcpu == null ? null : Values.intIn("<vcpu>", vcpu.value(), 1, Integer.MAX_VALUE,
                "a whole number of vCPUs of at least 1");
        if (vcpu != null && written == null) {
            throw Values.invalid("<vcpu>", vcpu.value(), "a whole number of vCPUs of at least 1");
        }
        int max = written == null ? 1 : written;
        int online = online(domain, vcpu, max);

        CpuXml cpu = domain.cpu();
        String mode = cpu == null ? null : Values.text(cpu.mode());
        String model = cpu == null || cpu.model() == null ? null : Values.text(cpu.model().name());
        Topology topology = cpu == null ? null : topology(cpu.topology(), max, warnings);
        CpuTune tune = tune(domain.cputune());
        return new CpuDescriptor(online, max, mode, model,
                topology == null ? null : topology.sockets, topology == null ? null : topology.dies,
                topology == null ? null : topology.cores, topology == null ? null : topology.threads, tune,
                speedMhz(tune, online), cap(tune));
    }

    /**
     * CloudStack's KVM convention: {@code <shares>} / online vCPUs as the CPU speed per vCPU in whole MHz (its own
     * domains are defined with shares = vCPUs x speed). Null without shares, or when the quotient is below 1.
     */
    static Integer speedMhz(CpuTune tune, int onlineVcpus) {
        if (tune.shares() == null) {
            return null;
        }
        long perVcpu = tune.shares() / onlineVcpus;
        return perVcpu < 1 ? null : (int) Math.min(perVcpu, Integer.MAX_VALUE);
    }

    /** Quota / period as a fraction of one vCPU; null when no quota limits it. */
    static Double cap(CpuTune tune) {
        if (tune.quotaMicros() == null) {
            return null;
        }
        long period = tune.periodMicros() == null ? DEFAULT_PERIOD : tune.periodMicros();
        return (double) tune.quotaMicros() / period;
    }

    private static int online(DomainXml domain, VcpuXml vcpu, int max) {
        String expected = "a whole number of online vCPUs from 1 to the maximum " + max;
        Integer current = vcpu == null ? null : Values.intIn("<vcpu current>", vcpu.current(), 1, max, expected);
        if (vcpu != null && vcpu.current() != null && current == null) {
            throw Values.invalid("<vcpu current>", vcpu.current(), expected);
        }
        if (current != null) {
            return current;
        }
        if (domain.vcpuList() != null && !domain.vcpuList().vcpus().isEmpty()) {
            long enabled = domain.vcpuList().vcpus().stream().map(VcpuStateXml::enabled).map(Values::yesNo)
                    .filter(Boolean.TRUE::equals).count();
            if (enabled >= 1 && enabled <= max) {
                return (int) enabled;
            }
        }
        return max;
    }

    private record Topology(Integer sockets, Integer dies, Integer cores, Integer threads) {
    }

    private static Topology topology(TopologyXml xml, int maxVcpus, List<DescriptorWarning> warnings) {
        if (xml == null) {
            return null;
        }
        Integer sockets = count("sockets", xml.sockets());
        Integer dies = count("dies", xml.dies());
        Integer clusters = count("clusters", xml.clusters());
        Integer cores = count("cores", xml.cores());
        Integer threads = count("threads", xml.threads());
        if (sockets == null && dies == null && cores == null && threads == null) {
            return null;
        }
        if (dies == null) {
            dies = 1;
        }
        if (sockets != null && cores != null && threads != null) {
            // Five factors of up to 2^31 overflow a long, and a wrapped product could equal <vcpu> by chance.
            BigInteger product = BigInteger.valueOf(sockets).multiply(BigInteger.valueOf(dies))
                    .multiply(BigInteger.valueOf(clusters == null ? 1 : clusters))
                    .multiply(BigInteger.valueOf(cores)).multiply(BigInteger.valueOf(threads));
            if (!product.equals(BigInteger.valueOf(maxVcpus))) {
                String clustersText = clusters == null ? "" : " x clusters " + clusters;
                warnings.add(DescriptorWarning.blocking(WarningCodes.CPU_TOPOLOGY_MISMATCH,
                        "CPU topology sockets " + sockets + " x dies " + dies + clustersText + " x cores " + cores
                                + " x threads " + threads + " = " + product + " vCPUs does not match <vcpu> "
                                + maxVcpus));
            }
        }
        return new Topology(sockets, dies, cores, threads);
    }

    private static Integer count(String attribute, String raw) {
        return Values.intIn("<cpu><topology " + attribute + ">", raw, 1, Integer.MAX_VALUE,
                "a whole number of at least 1");
    }

    private static CpuTune tune(CpuTuneXml xml) {
        if (xml == null) {
            return CpuTune.NONE;
        }
        Long shares = Values.longIn("<cputune><shares>", xml.shares(), 0, Long.MAX_VALUE,
                "a non-negative whole number (relative CPU weight)");
        Long period = Values.longIn("<cputune><period>", xml.period(), 0, Long.MAX_VALUE,
                "a whole number of microseconds from " + MIN_PERIOD + " to " + MAX_PERIOD);
        if (period != null && period != 0 && (period < MIN_PERIOD || period > MAX_PERIOD)) {
            throw Values.invalid("<cputune><period>", xml.period().strip(),
                    "a whole number of microseconds from " + MIN_PERIOD + " to " + MAX_PERIOD);
        }
        String quotaExpected = "a whole number of microseconds from " + MIN_QUOTA + " to " + MAX_QUOTA
                + ", or a negative number for no limit";
        Long quota = Values.longIn("<cputune><quota>", xml.quota(), Long.MIN_VALUE, Long.MAX_VALUE, quotaExpected);
        boolean unlimited = quota != null && quota < 0;
        if (quota != null && quota > 0 && (quota < MIN_QUOTA || quota > MAX_QUOTA)) {
            throw Values.invalid("<cputune><quota>", xml.quota().strip(), quotaExpected);
        }
        // libvirt treats 0 as "not set" for both period and quota.
        Long periodMicros = period == null || period == 0 ? null : period;
        Long quotaMicros = quota == null || quota <= 0 ? null : quota;
        if (shares == null && periodMicros == null && quotaMicros == null && !unlimited) {
            return CpuTune.NONE;
        }
        return new CpuTune(shares, periodMicros, quotaMicros, unlimited);
    }
}
