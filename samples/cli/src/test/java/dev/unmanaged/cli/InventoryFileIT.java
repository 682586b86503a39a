package dev.unmanaged.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The embedded inventory file of the packaged tool: created private to the user where none exists, never silently
 * replaced where one exists but is damaged, and taken in turns by runs that name it with --store.
 */
@DisplayName("The embedded inventory file, run as a separate process")
class InventoryFileIT {
    private static final String DEMO_IMPORT = "web-01";

    @TempDir
    Path temp;

    @Test
    @DisplayName("no inventory yet: it is created, seeded with the demo catalog, and only its owner can read it")
    void createdPrivately() throws Exception {
        Path home = temp.resolve("home");
        var cli = new CliProcess(home);

        var catalog = cli.run("catalog");
        var list = cli.run("list");

        assertThat(catalog.exitCode()).as(catalog.toString()).isZero();
        assertThat(catalog.out()).contains("acme", "local-images");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(mode(home)).isEqualTo("rwx------");
        assertThat(mode(home.resolve("inventory"))).isEqualTo("rwx------");
        assertThat(mode(inventoryFile(home))).isEqualTo("rw-------");
        assertThat(mode(home.resolve("demo-host.xml"))).isEqualTo("rw-------");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"empty", "random bytes", "cut to half", "cut to 8 KiB"})
    @DisplayName("a damaged inventory is refused with exit 3, named, with what to do, and left as it was")
    void damagedInventoryRefused(String damage) throws Exception {
        Path home = temp.resolve("home");
        var cli = new CliProcess(home);
        Path file = inventoryFile(home);
        createRealInventory(cli);
        byte[] whole = Files.readAllBytes(file);
        byte[] damaged = switch (damage) {
            case "empty" -> new byte[0];
            case "random bytes" -> randomBytes(whole.length);
            case "cut to half" -> java.util.Arrays.copyOf(whole, whole.length / 2);
            default -> java.util.Arrays.copyOf(whole, 8192);
        };
        Files.write(file, damaged);

        for (String[] command : new String[][] {{"inventory"}, {"list"}, {"import", "web-02", "--owner", "acme",
                "--offering", "medium", "--network", "prod", "--pool", "local-images"}}) {
            var result = cli.run(command);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(result.out()).as(result.toString()).isEmpty();
            assertThat(result.err().lines()).as(result.toString()).singleElement().asString()
                    .startsWith("error: the inventory " + file + " cannot be used: ")
                    .contains("restore it from a backup", "move it away to start afresh")
                    .doesNotContain("--store", "Exception", "SQL");
            assertThat(Files.readAllBytes(file)).as("the file after %s", String.join(" ", command))
                    .isEqualTo(damaged);
        }
        assertThat(home.resolve("inventory/inventory.trace.db")).doesNotExist();
    }

    @Test
    @DisplayName("a real inventory overwritten inside its newest data: refused with exit 3 as damaged")
    void overwrittenInventoryRefused() throws Exception {
        Path home = temp.resolve("home");
        var cli = new CliProcess(home);
        Path file = inventoryFile(home);
        createRealInventory(cli);
        byte[] bytes = Files.readAllBytes(file);
        // Everything after the two header blocks: the chunks the header leads to no longer make sense.
        byte[] noise = randomBytes(bytes.length - 8192);
        System.arraycopy(noise, 0, bytes, 8192, noise.length);
        Files.write(file, bytes);

        var result = cli.run("inventory");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err()).startsWith("error: the inventory " + file + " cannot be used: ")
                .contains("restore it from a backup").doesNotContain("Exception", "--store");
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    @DisplayName("two runs with the same --store jdbc:h2:file: URL at once: the second waits, then succeeds")
    void namedH2StoreTakesTurns() throws Exception {
        var cli = new CliProcess(temp.resolve("home"));
        var host = GeneratedHost.write(temp, 300);
        String store = "jdbc:h2:file:" + temp.resolve("named/inventory");
        var seeded = cli.run("catalog", "--store", store, "--load-demo");
        assertThat(seeded.exitCode()).as(seeded.toString()).isZero();

        var first = cli.start("import", "--plan", host.plan().toString(), "--parallel", "1", "--store", store);
        while (first.outLines().stream().noneMatch(l -> l.startsWith("["))) {
            assertThat(first.process().isAlive()).as("the first run ended early: %s", first.outLines()).isTrue();
            Thread.sleep(5);
        }
        var second = cli.run("inventory", "--store", store);
        var firstResult = first.await();

        assertThat(firstResult.exitCode()).as(firstResult.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.err()).contains("Waiting for another run of the tool to release the inventory");
        assertThat(second.out()).contains("300 managed instances");
        assertThat(mode(temp.resolve("named/inventory.mv.db"))).isEqualTo("rw-------");
    }

    /** An inventory in real use: seeded, with one import. */
    @Test
    @DisplayName("a redo journal beside the inventory that is not one is refused with exit 3, named, with what to do;"
            + " both files are left as they were")
    void foreignJournalRefused() throws Exception {
        Path home = temp.resolve("home");
        var cli = new CliProcess(home);
        Path file = inventoryFile(home);
        createRealInventory(cli);
        Path journal = home.resolve("inventory/inventory.redo");
        byte[] garbage = randomBytes(4096);
        Files.write(journal, garbage);
        byte[] inventory = Files.readAllBytes(file);

        var result = cli.run("inventory");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.err().lines()).as(result.toString()).singleElement().asString()
                .startsWith("error: the inventory's redo journal " + journal + " cannot be used: it is not a redo"
                        + " journal of the inventory")
                .contains("move it away")
                .doesNotContain("--store", "Exception", "SQL");
        assertThat(Files.readAllBytes(journal)).isEqualTo(garbage);
        assertThat(Files.readAllBytes(file)).isEqualTo(inventory);
    }

    private static void createRealInventory(CliProcess cli) throws Exception {
        var imported = cli.run("import", DEMO_IMPORT, "--owner", "acme", "--offering", "medium", "--network",
                "prod", "--pool", "local-images");
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
    }

    private static Path inventoryFile(Path home) {
        return home.resolve("inventory/inventory.mv.db");
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
