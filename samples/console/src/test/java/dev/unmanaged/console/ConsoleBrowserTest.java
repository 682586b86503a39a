package dev.unmanaged.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.unmanaged.api.instance.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real browser over the demo host: each step of an operator's work, with a screenshot of each
 * under target/console-screenshots.
 */
@DisplayName("The console in a browser")
class ConsoleBrowserTest {
    private static final By ROWS = By.cssSelector("#hosts table.unmanaged tbody tr");
    private static final By VERDICT = By.cssSelector("#import-plan .verdict");

    @TempDir
    Path temp;

    @Test
    @DisplayName("filter, details, a blocked plan's problems, import, the managed list, unmanage and a bulk import")
    void operatorsWork() throws Exception {
        try (RunningConsole console = RunningConsole.overDemoHost();
             Browser browser = Browser.start(Browser.screenshotDirectory())) {
            var driver = browser.driver;
            driver.get(console.server.uri() + "#token=" + RunningConsole.TOKEN);
            browser.await(d -> d.findElement(By.cssSelector("body.ready")));
            assertThat(driver.getCurrentUrl()).as("the token leaves the address").doesNotContain("token");
            assertThat(driver.findElements(ROWS)).hasSize(12);
            browser.await(d -> d.findElement(By.id("live")).getText().equals("Live"));
            browser.screenshot("01-unmanaged-instances");

            driver.findElement(By.id("filter")).sendKeys("web");
            browser.await(d -> names(d.findElements(ROWS)).equals(List.of("web-01", "web-02")));
            browser.screenshot("02-filtered");

            WebElement name = driver.findElement(By.cssSelector("tr[data-name='web-01'] button.details"));
            name.sendKeys(Keys.ENTER);
            browser.await(d -> d.findElement(By.id("details")).isDisplayed());
            assertThat(driver.findElement(By.id("details-body")).getText()).contains("f6a69fa7-83eb-5845-9aa3-6805e2e4e0a6",
                    "52:54:00:1a:01:01");
            browser.screenshot("03-details");
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            browser.await(d -> !d.findElement(By.id("details")).isDisplayed());

            driver.findElement(By.cssSelector("tr[data-name='web-01'] button.import")).click();
            browser.await(d -> d.findElement(VERDICT).getText().startsWith("Blocked"));
            new Select(driver.findElement(By.id("import-offering"))).selectByValue("small");
            browser.await(d -> d.findElement(By.id("import-plan")).getText().contains("OFFERING_CPU_MISMATCH"));
            assertThat(driver.findElement(By.id("import-plan")).getText()).contains("NIC_UNMAPPED", "DISK_UNMAPPED");
            browser.screenshot("04-blocked-plan");

            new Select(driver.findElement(By.id("import-owner"))).selectByValue("acme");
            new Select(driver.findElement(By.id("import-offering"))).selectByValue("medium");
            new Select(driver.findElement(By.cssSelector("#import-nics select.nic-network"))).selectByValue("prod");
            new Select(driver.findElement(By.cssSelector("#import-disks select.disk-pool"))).selectByValue("local-images");
            browser.await(d -> d.findElement(VERDICT).getText().equals("Importable."));
            browser.screenshot("05-importable-plan");
            driver.findElement(By.id("import-submit")).click();
            browser.await(d -> !d.findElements(By.cssSelector("#managed tbody tr[data-name='web-01']")).isEmpty());
            browser.await(d -> names(d.findElements(ROWS)).equals(List.of("web-02")));
            browser.screenshot("06-managed");

            driver.findElement(By.cssSelector("#managed tbody tr[data-name='web-01'] button.unmanage")).click();
            browser.await(d -> d.findElement(By.id("unmanage-plan")).getText().contains("stays on its host"));
            assertThat(driver.findElement(By.id("unmanage-plan")).getText()).contains("52:54:00:1a:01:01 on prod");
            browser.screenshot("07-unmanage-plan");
            driver.findElement(By.id("unmanage-submit")).click();
            browser.await(d -> d.findElements(By.cssSelector("#managed tbody tr")).isEmpty());
            browser.await(d -> names(d.findElements(ROWS)).equals(List.of("web-01", "web-02")));
            browser.screenshot("08-unmanaged");

            WebElement filter = driver.findElement(By.id("filter"));
            filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.await(d -> d.findElements(ROWS).size() == 12);
            driver.findElement(By.cssSelector("tr[data-name='web-02'] input.select")).click();
            driver.findElement(By.cssSelector("tr[data-name='dev-sandbox'] input.select")).click();
            driver.findElement(By.id("bulk-open")).click();
            new Select(driver.findElement(By.id("bulk-owner"))).selectByValue("acme");
            new Select(driver.findElement(By.id("bulk-offering"))).selectByValue("medium");
            new Select(driver.findElement(By.id("bulk-network"))).selectByValue("prod");
            new Select(driver.findElement(By.id("bulk-pool"))).selectByValue("local-images");
            driver.findElement(By.cssSelector("#bulk-form button[type=submit]")).click();
            browser.await(d -> d.findElement(By.id("bulk-status")).getText().startsWith("Finished"));
            assertThat(driver.findElement(By.id("bulk-status")).getText()).isEqualTo("Finished: 1 imported, 1 not.");
            browser.await(d -> !d.findElements(By.cssSelector("#managed tbody tr[data-name='web-02']")).isEmpty());
            browser.screenshot("09-bulk-import");

            assertThat(browser.consoleProblems()).as("the browser's console").isEmpty();
        }
    }

    @Test
    @DisplayName("a VM name that holds HTML is shown as text, never run")
    void hostileNamesStayText() throws Exception {
        String hostile = "<img src=x onerror=\"document.title='owned'\">vm";
        Path node = temp.resolve("hostile-node.xml");
        Files.writeString(node, "<?xml version='1.0' encoding='UTF-8'?>\n<node><domain type='kvm'><name>"
                + hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                + "</name><uuid>00000000-0000-4000-8000-000000000001</uuid>"
                + "<memory unit='MiB'>512</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>"
                + "</domain></node>\n");
        try (RunningConsole console = RunningConsole.over(new Host("hostile", "kvm", "test://" + node));
             Browser browser = Browser.start(Browser.screenshotDirectory())) {
            var driver = browser.driver;
            driver.get(console.server.uri().toString());
            browser.await(d -> d.findElement(By.cssSelector("body.ready")));
            assertThat(names(driver.findElements(ROWS))).containsExactly(hostile);
            assertThat(driver.findElements(By.cssSelector("#hosts img"))).isEmpty();
            assertThat(driver.getTitle()).isEqualTo("Unmanaged console");
            assertThat(driver.findElement(By.id("token-form")).isDisplayed()).as("no token: the form asks for it").isTrue();
            browser.screenshot("10-hostile-name");
            assertThat(browser.consoleProblems()).as("the page itself wrote nothing to its console").isEmpty();
            driver.executeScript("console.error('console-probe')");
            assertThat(browser.consoleProblems()).as("what the page's console check would report")
                    .anyMatch(line -> line.contains("console-probe"));
        }
    }

    private static List<String> names(List<WebElement> rows) {
        return rows.stream().map(r -> r.findElement(By.cssSelector("button.details")).getText()).toList();
    }
}
