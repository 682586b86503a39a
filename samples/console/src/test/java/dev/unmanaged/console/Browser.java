package dev.unmanaged.console;

import dev.unmanaged.tck.LiveServices;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: both named explicitly, so nothing is looked
 * up or downloaded. A live service under the one rule of {@link LiveServices}: skipped only with
 * {@code -Dlive.skip=true}, and a failure when missing otherwise.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium looks for DevTools bindings of the browser's exact version, which this build does not carry (the
     * WebDriver protocol is all it uses), and warns of it at every start.
     */
    private static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger(
            "org.openqa.selenium.devtools");

    final ChromeDriver driver;
    private final Path screenshots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** A fresh headless browser; screenshots go to {@code screenshots}. */
    static Browser start(Path screenshots) throws IOException {
        LiveServices.skipIfAsked();
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw LiveServices.unavailable("chromium and chromedriver (" + CHROMIUM + ", " + CHROMEDRIVER + ")",
                    "not installed", "apt-get install chromium chromium-driver");
        }
        Files.createDirectories(screenshots);
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Root in a container has no user namespaces for chromium's sandbox; the pages are the project's own.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1200", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), screenshots);
    }

    /** Waits up to ten seconds for {@code condition} to hold (to be neither null nor false). */
    <T> T await(Function<WebDriver, T> condition) {
        // The page redraws its tables on every update: an element read a moment ago may be gone; read again.
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** Saves the page as {@code NN-step.png}. */
    Path screenshot(String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(name + ".png");
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** What the page wrote to its console at warning level or worse: errors, failed loads, CSP refusals. */
    List<String> consoleProblems() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::toString)
                .toList();
    }

    /** The screenshot directory the build names, or one under target/ when run otherwise. */
    static Path screenshotDirectory() {
        return Path.of(System.getProperty("unmanaged.console.screenshots", "target/console-screenshots"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
