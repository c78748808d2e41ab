package dev.videosdk.examples.spring;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}; {@code .ci/run}
 * installs them when missing), started headless with a fresh profile. Nothing is downloaded: the paths are
 * given, so Selenium Manager is not used. Override with {@code -Dchromium.binary=} and
 * {@code -Dchromedriver.binary=}.
 */
final class HeadlessChromium {
    private HeadlessChromium() {
    }

    static ChromeDriver start() throws IOException {
        File browser = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("The browser test needs Debian's Chromium and ChromeDriver (" + browser + ", "
                    + driver + "). Run the project's test command, .ci/run, which installs them, or: "
                    + "apt-get install -y chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("videosdk-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        // the flags this machine kind needs (closed network: no background connections)
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1000,1300",
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(60)).build();
        return new ChromeDriver(service, options);
    }
}
