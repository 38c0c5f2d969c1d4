package se.utskick.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (packages {@code chromium} and
 * {@code chromium-driver}; {@code ./test.sh} installs them). Nothing is downloaded: the driver and
 * browser paths are given, so Selenium Manager is never asked. Missing packages fail the test with
 * the command that installs them.
 */
final class Chromium {
    static final Path BROWSER = Path.of(System.getProperty("utskick.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("utskick.chromedriver", "/usr/bin/chromedriver"));
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    private Chromium() {
    }

    static ChromeDriver start() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("the browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (./test.sh installs them)");
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=sv-SE",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, o);
    }

    /** A full-page screenshot at {@code size} into {@code dir/name.png} (the CDP full-page capture). */
    /**
     * Clicks a button that submits a form and waits (at most a minute) until the next page has replaced
     * this one: the old page is marked, and the wait ends when a complete page without the mark is there.
     */
    static void submitAndWait(ChromeDriver driver, org.openqa.selenium.WebElement button) {
        driver.executeScript("window.utskickOldPage = true");
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.WebDriverException.class).until(d -> Boolean.TRUE.equals(
                        driver.executeScript("return document.readyState === 'complete' && window.utskickOldPage === undefined")));
    }

    static void screenshot(ChromeDriver driver, Dimension size, Path dir, String name) {
        try {
            driver.manage().window().setSize(size);
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.width,
                    "height", size.height, "deviceScaleFactor", 1, "mobile", size.width < 600));
            Object height = driver.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", size.width,
                    "height", Math.min(4000, ((Number) height).intValue()), "deviceScaleFactor", 1, "mobile", size.width < 600));
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.createDirectories(dir);
            Files.copy(png.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
            driver.manage().window().setSize(DESKTOP);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
