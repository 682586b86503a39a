package dev.unmanaged.reliability.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.error.UnmanagedException;
import dev.unmanaged.api.instance.DiskDescriptor;
import dev.unmanaged.api.instance.Host;
import dev.unmanaged.api.instance.InstanceDescriptor;
import dev.unmanaged.api.instance.NicDescriptor;
import dev.unmanaged.api.operation.ImportPlan;
import dev.unmanaged.api.operation.ImportRequest;
import dev.unmanaged.api.operation.ImportResult;
import dev.unmanaged.api.operation.InstanceListing;
import dev.unmanaged.api.operation.IpAssignment;
import dev.unmanaged.api.operation.ListQuery;
import dev.unmanaged.api.operation.UnmanageRequest;
import dev.unmanaged.core.UnmanagedInstances;
import dev.unmanaged.json.UnmanagedJson;
import dev.unmanaged.kvm.KvmInstanceProvider;
import dev.unmanaged.kvm.xml.DomainXmlParser;
import dev.unmanaged.reliability.support.CapturedLogs;
import dev.unmanaged.reliability.support.Corpus;
import dev.unmanaged.reliability.support.Stores;
import dev.unmanaged.reliability.support.TestDriverNode;
import dev.unmanaged.reliability.support.World;
import dev.unmanaged.tck.CatalogFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every corpus document — upstream and hostile — goes through parse, plan, import and unmanage (core over the
 * reference fakes), JSON and logging at DEBUG; those with a password also through libvirt's test driver, where
 * the KVM provider lists and describes them and the core plans and imports them. No output may hold a
 * {@code SENTINEL-} string or a {@code passwd} value of the document, and no log event any secret value of any
 * document (a value that also appears in the document outside its passwd attributes cannot be told apart, and
 * is counted as not checkable). The counts are pinned: a document libvirt stops accepting fails the test.
 */
@DisplayName("No secret of any corpus document appears in any descriptor, plan, result, error, JSON or log line")
class SecretLeakTest {
    private static final Pattern PASSWD = Pattern.compile("passwd\\s*=\\s*(['\"])(.*?)\\1");
    private static final Pattern SENTINEL = Pattern.compile("SENTINEL-[A-Za-z0-9-]+");

    /** The figures of docs/reliability.md; a change in the corpus or in what libvirt accepts shows here. */
    private static final int CORPUS_DOCUMENTS = 2_271;
    private static final int CORPUS_SECRET_VALUES = 52;
    private static final int DOCUMENTS_WITH_A_PASSWORD = 51;
    private static final int ACCEPTED_BY_LIBVIRT = 48;
    private static final int REFUSED_BY_LIBVIRT = 3;
    /** Of those accepted, the ones whose import the catalog allows; the others are rejected typed at import. */
    private static final int RELEASED_ON_LIBVIRT = 5;

    private final List<String> leaks = new ArrayList<>();
    /** Every secret value of every document checked, searched for in every log event. */
    private final Set<String> allSecrets = new LinkedHashSet<>();
    private int documents;
    private int outputsChecked;
    private int secretsChecked;
    private int secretsNotCheckable;

    @Test
    @DisplayName("parse, plan, import, unmanage, JSON and DEBUG logs over the fakes hold no secret")
    void throughTheCoreOverTheFakes() {
        CapturedLogs.clear();
        try (World world = World.open(Stores.Kind.FAKE)) {
            int index = 0;
            for (Path document : Corpus.allDocuments()) {
                Secrets secrets = secretsOf(document);
                List<String> outputs = new ArrayList<>();
                InstanceDescriptor parsed = parse(document, outputs);
                if (parsed != null) {
                    Host host = world.provider.addHost("corpus-" + index++);
                    try {
                        world.provider.putInstance(host.id(), parsed);
                    } catch (IllegalArgumentException notScriptable) {
                        outputs.add(String.valueOf(notScriptable.getMessage()));
                        parsed = null;
                    }
                    if (parsed != null) {
                        planImportUnmanage(world.instances, host, parsed, outputs);
                    }
                }
                check(document, secrets, outputs);
            }
        }
        checkLogs();
        report("fakes");
        assertThat(documents).as("corpus documents").isEqualTo(CORPUS_DOCUMENTS);
        assertThat(secretsChecked).as("secret values checked").isEqualTo(CORPUS_SECRET_VALUES);
        assertThat(secretsNotCheckable).as("passwd values that cannot be told apart").isZero();
    }

    @Test
    @DisplayName("documents with a password, defined on libvirt's test driver, listed, described, planned and imported")
    void throughTheKvmProviderOnLibvirt(@TempDir Path nodes) {
        CapturedLogs.clear();
        int accepted = 0;
        int refused = 0;
        int released = 0;
        try (var provider = new KvmInstanceProvider(TestDriverNode.PROVIDER_OPTIONS);
             var store = Stores.open(Stores.Kind.FAKE, CatalogFixture.catalog());
             var instances = UnmanagedInstances.builder().providers(provider).store(store.store())
                     .hostDeadline(Duration.ofSeconds(30)).build()) {
            int index = 0;
            for (Path document : Corpus.allDocuments()) {
                Secrets secrets = secretsOf(document);
                if (secrets.isEmpty()) {
                    continue;
                }
                List<String> outputs = new ArrayList<>();
                String text = new String(Corpus.bytes(document), StandardCharsets.UTF_8);
                String uri;
                try {
                    uri = new TestDriverNode().rawDomain(text).write(nodes, "doc-" + index + ".xml");
                } catch (IllegalArgumentException notADomain) {
                    continue;
                }
                Host host = new Host("libvirt-" + index++, "kvm", uri);
                InstanceListing listing = instances.list(ListQuery.of(host));
                outputs.add(String.valueOf(listing));
                outputs.add(UnmanagedJson.toJson(listing));
                listing.failures().forEach(f -> outputs.add(errorText(f.error())));
                if (!listing.complete() || listing.instances().isEmpty()) {
                    refused++;
                } else {
                    accepted++;
                    InstanceDescriptor listed = listing.instances().get(0);
                    try {
                        InstanceDescriptor described = instances.describe(host, listed.name());
                        outputs.add(String.valueOf(described));
                        outputs.add(UnmanagedJson.toJson(described));
                        released += planImportUnmanage(instances, host, described, outputs) ? 1 : 0;
                    } catch (UnmanagedException e) {
                        outputs.add(errorText(e));
                    }
                }
                check(document, secrets, outputs);
            }
        }
        checkLogs();
        System.out.printf("secrets (libvirt): %d documents with a password accepted by the test driver (%d of them "
                + "planned, imported and unmanaged), %d refused by libvirt (their errors checked too)%n",
                accepted, released, refused);
        report("libvirt");
        assertThat(documents).as("documents with a password").isEqualTo(DOCUMENTS_WITH_A_PASSWORD);
        assertThat(accepted).as("documents libvirt accepted").isEqualTo(ACCEPTED_BY_LIBVIRT);
        assertThat(refused).as("documents libvirt refused").isEqualTo(REFUSED_BY_LIBVIRT);
        assertThat(released).as("documents planned, imported and unmanaged on libvirt").isEqualTo(RELEASED_ON_LIBVIRT);
        assertThat(secretsChecked).as("secret values checked").isEqualTo(CORPUS_SECRET_VALUES);
    }

    private InstanceDescriptor parse(Path document, List<String> outputs) {
        byte[] bytes = Corpus.bytes(document);
        try {
            InstanceDescriptor descriptor = DomainXmlParser.shared().parse(bytes);
            outputs.add(String.valueOf(descriptor));
            outputs.add(UnmanagedJson.toJson(descriptor));
            outputs.add(UnmanagedJson.toPrettyJson(descriptor));
            return descriptor;
        } catch (UnmanagedException e) {
            outputs.add(errorText(e));
            return null;
        }
    }

    /** Plans, imports and unmanages {@code vm}; true when all three went through. */
    private static boolean planImportUnmanage(UnmanagedInstances instances, Host host, InstanceDescriptor vm,
                                              List<String> outputs) {
        String key = vm.uuid() != null ? vm.uuid().toString() : vm.name();
        var builder = ImportRequest.builder(host, key).owner(CatalogFixture.ACME).displayName("corpus-vm")
                .offering(CatalogFixture.CUSTOM);
        for (NicDescriptor nic : vm.nics()) {
            if (nic.mac() != null) {
                builder.network(nic.mac(), CatalogFixture.SHARED_NET).ip(nic.mac(), IpAssignment.auto());
            }
        }
        for (DiskDescriptor disk : vm.disks()) {
            if (disk.isDisk() && disk.deviceName() != null) {
                builder.pool(disk.deviceName(), CatalogFixture.IMAGES_POOL)
                        .diskOffering(disk.deviceName(), CatalogFixture.DISK_CUSTOM);
            }
        }
        ImportRequest request = builder.build();
        try {
            ImportPlan plan = instances.plan(request);
            outputs.add(String.valueOf(plan));
            outputs.add(UnmanagedJson.toJson(plan));
            ImportResult result = instances.importInstance(request);
            outputs.add(String.valueOf(result));
            outputs.add(UnmanagedJson.toJson(result));
            var released = instances.unmanage(new UnmanageRequest(result.instance().uuid().toString()));
            outputs.add(String.valueOf(released));
            outputs.add(UnmanagedJson.toJson(released));
            return true;
        } catch (UnmanagedException e) {
            outputs.add(errorText(e));
            return false;
        }
    }

    private static String errorText(UnmanagedException e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return e.getMessage() + "\n" + e + "\n" + UnmanagedJson.toJson(e) + "\n" + out;
    }

    private record Secrets(Set<String> values, Set<String> notCheckable) {
        boolean isEmpty() {
            return values.isEmpty() && notCheckable.isEmpty();
        }
    }

    private Secrets secretsOf(Path document) {
        String text = new String(Corpus.bytes(document), StandardCharsets.UTF_8);
        String withoutPasswords = PASSWD.matcher(text).replaceAll("");
        Set<String> values = new LinkedHashSet<>();
        Set<String> notCheckable = new LinkedHashSet<>();
        Matcher passwd = PASSWD.matcher(text);
        while (passwd.find()) {
            String value = passwd.group(2);
            if (value.isEmpty() || withoutPasswords.contains(value)) {
                notCheckable.add(value);
            } else {
                values.add(value);
            }
        }
        Matcher sentinel = SENTINEL.matcher(text);
        while (sentinel.find()) {
            values.add(sentinel.group());
        }
        return new Secrets(values, notCheckable);
    }

    private void check(Path document, Secrets secrets, List<String> outputs) {
        documents++;
        allSecrets.addAll(secrets.values());
        secretsChecked += secrets.values().size();
        secretsNotCheckable += secrets.notCheckable().size();
        for (String output : outputs) {
            outputsChecked++;
            if (output.contains("SENTINEL-")) {
                leaks.add(Corpus.relative(document) + ": SENTINEL- in " + excerpt(output, "SENTINEL-"));
            }
            for (String secret : secrets.values()) {
                if (containsAsToken(output, secret)) {
                    leaks.add(Corpus.relative(document) + ": password '" + secret + "' in " + excerpt(output, secret));
                }
            }
        }
    }

    private void checkLogs() {
        List<CapturedLogs.Event> events = CapturedLogs.events();
        for (CapturedLogs.Event event : events) {
            outputsChecked++;
            if (event.fullText().contains("SENTINEL-")) {
                leaks.add("log " + event.logger() + ": " + excerpt(event.fullText(), "SENTINEL-"));
            }
            for (String secret : allSecrets) {
                if (containsAsToken(event.fullText(), secret)) {
                    leaks.add("log " + event.logger() + ": password '" + secret + "' in "
                            + excerpt(event.fullText(), secret));
                }
            }
        }
        assertThat(events).as("DEBUG logging was captured").isNotEmpty();
        assertThat(CapturedLogs.multiLineMessages()).as("library log lines that span lines").isEmpty();
    }

    private void report(String where) {
        System.out.printf("secrets (%s): %d documents, %d secret values checked (%d passwd values not checkable), "
                + "%d outputs and log events searched, %d secrets found (a value counts where it is a word of its own)%n", where, documents, secretsChecked,
                secretsNotCheckable, outputsChecked, leaks.size());
        assertThat(leaks).as("secrets found").isEmpty();
    }

    /**
     * True when {@code secret} occurs in {@code output} not as part of a longer word, so that a password such as
     * {@code password} is not "found" in the key {@code passwordSet}.
     */
    private static boolean containsAsToken(String output, String secret) {
        for (int at = output.indexOf(secret); at >= 0; at = output.indexOf(secret, at + 1)) {
            int end = at + secret.length();
            boolean startsWord = at == 0 || !Character.isLetterOrDigit(output.charAt(at - 1))
                    || !Character.isLetterOrDigit(secret.charAt(0));
            boolean endsWord = end == output.length() || !Character.isLetterOrDigit(output.charAt(end))
                    || !Character.isLetterOrDigit(secret.charAt(secret.length() - 1));
            if (startsWord && endsWord) {
                return true;
            }
        }
        return false;
    }

    private static String excerpt(String output, String secret) {
        int at = output.indexOf(secret);
        return "..." + output.substring(Math.max(0, at - 80), Math.min(output.length(), at + secret.length() + 40))
                .replace('\n', ' ') + "...";
    }
}
